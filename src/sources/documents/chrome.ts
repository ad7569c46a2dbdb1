// Website chrome: navigation, counters, share buttons, footers. Recognised by shape, never by
// document, and set aside (kept as 'chrome' parts, not shown as content).

const CHROME_LINE: RegExp[] = [
  /^[•·▪●◆■►▶]\s*\S{1,12}$/, // navigation bullets
  /^(首页|当前位置|您的位置|你的位置)\s*[：>＞›»]/,
  /[>＞›»]\s*(新闻|政府信息公开|政府文件|政务公开|通知公告)\s*([>＞›»]|$)/,
  /^欢迎(来到|访问|光临)/,
  /\[登录\]|【登录】|\[注册\]/,
  /^当前时间/,
  /^(网站)?无障碍(浏览)?\s*(适老版|长者模式)?$|^适老版$|^网站无障碍\s*适老版$/,
  /浏览次数|阅读次数|访问量|^打印$|^\[?打印本页\]?$|关闭窗口|【?\s*字体[：]?\s*大\s*中\s*小/,
  /^(Baidu|map|最热|最新|推荐|热门|相关解读|相关链接|相关阅读|友情链接|分享到?|扫一扫|上一篇|下一篇|返回顶部|返回首页|收藏|纠错)[：]?$/i,
  /^https?[:：]\/\/\S+$/,
  /(版权所有|Copyright|©|ICP备|公网安备|主办单位[：]|承办单位[：]|技术支持[：]|网站标识码)/i,
  /^\S{2,16}(门户网|门户网站|政府网|政府网站)$/,
  /广告条$|^广告$/,
  // PDF page numbers between the lines: — 1 —, - 2 -, 第 3 页, 3/12.
  /^[—–\-－]+\s*\d{1,4}\s*[—–\-－]+$/,
  /^第\s*\d{1,4}\s*页(\s*[/，,]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
];

/** A line after which everything is site footer. */
const FOOTER_START = /^(友情链接|相关链接|版权所有|Copyright|主办单位)/i;

export function isChromeLine(canonLine: string): boolean {
  return CHROME_LINE.some((re) => re.test(canonLine));
}

export function isFooterStart(canonLine: string): boolean {
  return FOOTER_START.test(canonLine);
}

/** Page markers a PDF's text layer leaves glued into a line ("3200— 1 —元"). */
const PAGE_MARKER = /[—–－]\s*\d{1,4}\s*[—–－]/g;

/**
 * The canonical copy of a line with page markers blanked out, same length: parsing never sees them,
 * while the line itself keeps every character for the full text.
 */
export function maskPageMarkers(canon: string): string {
  return canon.replace(PAGE_MARKER, (m) => ' '.repeat(m.length));
}

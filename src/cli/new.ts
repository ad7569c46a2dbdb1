// `npm run new -- FILE [--region CODE] [--slug SLUG]`: adds a plan from the file a government published
// (.txt, .html, .docx, .pdf). Copies it verbatim to content/documents/<slug>.<ext>; writes its sidecar
// <slug>.yaml with what the text gives (title, 发文字号, issuer and dates as comments, since the build reads
// them from the text; the span from its date) and every guess or gap marked TODO; prints what it found
// (title, 发文字号, tasks, units); and, for units the registry does not know, writes stubs to
// content/registry/departments/<region>.<slug>.yaml, each with the closest existing entries as candidates
// and a `todo:` line that keeps it out of use until an editor has checked it. Never overwrites a file.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { settings, SettingError } from '../config';
import { readArgs } from './args';
import { isSlug, SLUG_RULE, suggestSlug } from '../domain/slugs';
import { SourceError, SourceErrors } from '../domain/source-error';
import { DOCUMENT_KINDS, type Document, type DocumentKind, type DocumentMeta, type Reporting } from '../domain/types';
import { parseDocument } from '../sources/documents/index';
import { ACCEPTED_EXTENSIONS, readSourceFile } from '../sources/documents/formats/index';
import { closestDepartments, suggestDepartmentId } from '../sources/registry/candidates';
import { loadRegistry } from '../sources/registry/load';
import { regionAncestors, type Registry } from '../sources/registry/registry';
import { resolveUnit } from '../sources/registry/resolve';

const USAGE = 'usage: npm run new -- FILE [--region CODE] [--slug SLUG]';

interface Options {
  file: string;
  region?: string;
  slug?: string;
}

function parseOptions(argv: string[]): Options {
  const { values, positionals } = readArgs(argv, { region: { type: 'string' }, slug: { type: 'string' } }, USAGE);
  if (positionals.length === 0) throw new Error(USAGE);
  if (positionals.length > 1) throw new Error(`one file at a time\n${USAGE}`);
  return { file: positionals[0]!, region: values.region, slug: values.slug };
}

/** The kind the title names (…分工方案, …工作要点), or null. */
export function kindOf(title: string | null): DocumentKind | null {
  if (!title) return null;
  return DOCUMENT_KINDS.find((k) => k !== '其他' && title.includes(k)) ?? null;
}

/** The cadence the text asks for: 每季度 / 按季度 → quarterly, 每月 / 按月 → monthly, else null. */
export function reportingOf(text: string): Reporting | null {
  if (/每季度|按季度|每个季度|季度末/.test(text)) return 'quarterly';
  if (/每月|按月|逐月/.test(text)) return 'monthly';
  if (/每年|年底前|年度/.test(text)) return 'annual';
  return null;
}

/** The span: from the document's date to the end of the latest year it names within ten years (at least its own year). */
export function spanOf(doc: Document, text: string): { start: string; end: string; dated: boolean } {
  const numberYear = /[〔［\[【（(]\s*(\d{4})\s*[〕］\]】）)]/.exec(doc.docNumber ?? '')?.[1];
  const date = doc.writtenOn ?? doc.publishedOn ?? (numberYear ? `${numberYear}-01-01` : null);
  const start = date ?? `${new Date().getUTCFullYear()}-01-01`;
  const year = Number(start.slice(0, 4));
  const years = [...text.matchAll(/(20\d\d)\s*年/g)].map((m) => Number(m[1])).filter((y) => y >= year && y <= year + 10);
  const end = Math.max(year, ...years);
  return { start, end: `${end}-12-31`, dated: date !== null };
}

const quote = (s: string) => JSON.stringify(s);

function sidecarText(o: {
  doc: Document;
  source: string;
  region: string | null;
  regionName: string | null;
  kind: DocumentKind | null;
  reporting: Reporting | null;
  span: { start: string; end: string; dated: boolean };
}): string {
  const { doc } = o;
  const said = (label: string, v: string | null) => `# ${label}（原文）：${v ?? '未能识别'}\n`;
  return [
    `# 由 npm run new 据 ${o.source} 写入。标 TODO 的值是猜测或缺失：核对后删去 TODO 注释。\n`,
    `# 下列各项由网站从原文读取（不在此填写）：\n`,
    said('标题', doc.title),
    said('发文字号', doc.docNumber),
    said('发文机关', doc.issuer),
    said('成文日期', doc.writtenOn),
    said('发布日期', doc.publishedOn),
    `# 字段：provenance 原文从何而来；region 发文地区的 6 位行政区划代码（国务院及部委：100000）；kind 文件类型；\n`,
    `# sourceUrl 原文网址或 null；issuer 仅在原文未写发文机关时填写；reporting 报告周期 annual | quarterly | monthly；\n`,
    `# span 实施期限（报告期须与之重叠）；note 说明（可选）。\n`,
    `provenance: ${quote(o.source)}\n`,
    o.region
      ? `region: "${o.region}"${o.regionName ? ` # ${o.regionName}` : ' # TODO: 未在 content/registry/regions.yaml 中，先添加该地区'}\n`
      : `region: "TODO" # TODO: 6 位行政区划代码，见 content/registry/regions.yaml（国务院及部委：100000）\n`,
    `kind: ${o.kind ?? '其他'}${o.kind ? '' : ` # TODO 核对：${DOCUMENT_KINDS.join(' ')}`}\n`,
    `sourceUrl: null # TODO: 原文网址（https://…），没有则保留 null\n`,
    doc.issuer ? '' : `# issuer: TODO 原文未写发文机关：填写发文机关全称\n`,
    `reporting: ${o.reporting ?? 'annual'} # TODO 核对：annual 每年 | quarterly 每季度 | monthly 每月${o.reporting ? '（据原文用语推测）' : '（原文未说明）'}\n`,
    `span: { start: ${o.span.start}, end: ${o.span.end} } # TODO 核对实施期限${o.span.dated ? '（起：文件日期；止：原文提到的最后年份年底）' : '（原文无日期：起止均为猜测）'}\n`,
  ].join('');
}

interface Stub {
  id: string;
  name: string;
  todo: string;
  uses: number;
}

/** Stubs for the units the registry does not know, each with the closest entries as candidates. */
function stubsFor(registry: Registry, region: string, names: Map<string, number>): Stub[] {
  const taken = new Set([...registry.departmentById.keys(), ...registry.pending.map((p) => p.id)]);
  const pendingNames = new Set(registry.pending.filter((p) => p.regionCode === region).flatMap((p) => [p.name, ...p.aliases]));
  const stubs: Stub[] = [];
  for (const [name, uses] of names) {
    if (resolveUnit(registry, name, region).verified || pendingNames.has(name)) continue;
    const candidates = closestDepartments(registry, name, region);
    const id = suggestDepartmentId(region, name, candidates, taken);
    taken.add(id);
    const near = new Set([region, ...regionAncestors(registry, region).map((r) => r.code)]);
    const show = (cs: typeof candidates) => cs.map((c) => `${c.department.id} ${c.department.name}（${c.score.toFixed(2)}）`).join('；');
    const same = candidates.filter((c) => near.has(c.department.regionCode));
    const elsewhere = candidates.filter((c) => !near.has(c.department.regionCode));
    const todo = [
      same.length ? `可能是已有条目：${show(same)}；若是，把“${name}”加到它的 aliases 并删除本条。` : '',
      elsewhere.length ? `其他地区的同类部门（id 据此拟定）：${show(elsewhere)}。` : '',
      same.length || elsewhere.length ? '' : '登记册中没有相近的条目。',
      '核对 name（写正式全称，原文写法放入 aliases）和 id，然后删去本行。',
    ].join('');
    stubs.push({ id, name, uses, todo });
  }
  return stubs;
}

function stubsText(region: string, regionName: string, slug: string, stubs: Stub[]): string {
  const head = [
    `# ${regionName}（${region}）：${slug} 提到、登记册尚无的单位，由 npm run new 写入。`,
    `# 每条的 todo 行列出最接近的已有条目；有 todo 的条目不参与匹配。核对后删去 todo 行（或整条）。`,
    `# 核对完毕可把条目移入 ${region}.yaml（若有），也可留在本文件。`,
  ]
    .map((l) => `${l}\n`)
    .join('');
  const body = stringify(
    { region, departments: stubs.map((s) => ({ id: s.id, name: s.name, aliases: [], todo: s.todo })) },
    { lineWidth: 0 },
  );
  return head + body.replace(/^region: (\d+)$/m, 'region: "$1"');
}

async function main(argv: string[]): Promise<number> {
  let o: Options;
  try {
    o = parseOptions(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const { contentDir } = settings();
  const docsDir = join(contentDir, 'documents');
  const abs = resolve(o.file);
  const ext = extname(abs).toLowerCase();
  if (!existsSync(abs)) throw new SourceError({ file: o.file }, 'no such file', 'the path of the plan as published');
  if (!ACCEPTED_EXTENSIONS.includes(ext))
    throw new SourceError(
      { file: o.file },
      `unsupported file type "${ext || '(no extension)'}"`,
      `one of ${ACCEPTED_EXTENSIONS.join(' ')}`,
    );
  const existing = existsSync(docsDir) ? readdirSync(docsDir) : [];
  const takenSlugs = new Set(existing.map((n) => n.replace(/\..*$/, '')));
  const slug = o.slug ?? suggestSlug(basename(abs, extname(abs)).replace(/^\d+[_-]/, ''), takenSlugs);
  if (!isSlug(slug)) throw new SourceError({ file: o.file, field: '--slug' }, `"${slug}" cannot be a document's name`, SLUG_RULE);
  const clash = existing.filter((n) => n.replace(/\..*$/, '') === slug);
  if (clash.length)
    throw new SourceError(
      { file: relative(process.cwd(), join(docsDir, clash[0])) },
      `a document "${slug}" exists already (nothing written)`,
      'another --slug',
    );

  const registryDir = join(contentDir, 'registry');
  let registry: Registry | null = null;
  try {
    registry = loadRegistry(registryDir);
  } catch (e) {
    if (!(e instanceof SourceError || e instanceof SourceErrors)) throw e;
    process.stderr.write(`warning: the registry has errors (npm run validate lists them): no unit stubs written\n`);
  }
  const region = o.region ?? null;
  if (region !== null && !/^\d{6}$/.test(region))
    throw new SourceError({ file: o.file, field: '--region' }, `"${region}" is not a region code`, 'a 6-digit code such as 100000');
  const regionName = region && registry ? (registry.regionByCode.get(region)?.name ?? null) : null;

  const { text, format } = await readSourceFile(abs);
  const meta: DocumentMeta = {
    slug,
    regionCode: region ?? '000000',
    kind: '其他',
    sourceUrl: null,
    reporting: 'annual',
    span: { start: '1949-10-01', end: '2100-12-31' },
  };
  const doc = parseDocument(text, meta, `documents/${slug}${ext}`, o.file);
  const unitUses = new Map<string, number>();
  for (const t of doc.tasks) for (const u of t.units) unitUses.set(u.name, (unitUses.get(u.name) ?? 0) + 1);

  const dest = join(docsDir, `${slug}${ext}`);
  const sidecar = join(docsDir, `${slug}.yaml`);
  const stubFile = region ? join(registryDir, 'departments', `${region}.${slug}.yaml`) : null;
  const stubs = registry && region && regionName ? stubsFor(registry, region, unitUses) : [];
  if (stubFile && stubs.length && existsSync(stubFile))
    throw new SourceError({ file: relative(process.cwd(), stubFile) }, 'exists already (nothing written)', 'another --slug');

  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`title:    ${doc.title ?? '(not found)'}`);
  out(`发文字号: ${doc.docNumber ?? '(not found)'}`);
  out(`issuer:   ${doc.issuer ?? '(not found: give it as issuer in the sidecar)'}`);
  out(`date:     ${doc.writtenOn ?? doc.publishedOn ?? '(not found)'}`);
  out(`format:   ${format}`);
  out(`tasks:    ${doc.tasks.length}`);
  const known = [...unitUses.keys()].filter((n) => registry && region && resolveUnit(registry, n, region).verified);
  out(`units:    ${unitUses.size} distinct, ${known.length} known to the registry${region ? '' : ' (no --region: none looked up)'}`);
  for (const s of stubs) out(`  new unit ${s.name} (${s.uses}×) → stub ${s.id}; ${s.todo}`);

  mkdirSync(docsDir, { recursive: true });
  copyFileSync(abs, dest);
  const span = spanOf(doc, text);
  writeFileSync(
    sidecar,
    sidecarText({ doc, source: basename(abs), region, regionName, kind: kindOf(doc.title), reporting: reportingOf(text), span }),
  );
  const show = (p: string) => relative(process.cwd(), p);
  out(`wrote ${show(dest)} (the file as given)`);
  out(`wrote ${show(sidecar)} (check the TODO lines)`);
  if (stubFile && stubs.length) {
    writeFileSync(stubFile, stubsText(region!, regionName!, slug, stubs));
    out(`wrote ${show(stubFile)} (${stubs.length} unit(s) to check)`);
  }
  if (region && !regionName) out(`region ${region} is not in ${show(join(registryDir, 'regions.yaml'))}: add it first`);
  out(`next: npm run validate -- --document ${slug}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    if (e instanceof SourceErrors) for (const err of e.errors) process.stderr.write(`error: ${err.message}\n`);
    else if (e instanceof SourceError || e instanceof SettingError) process.stderr.write(`error: ${e.message}\n`);
    else throw e;
    process.exitCode = 1;
  },
);

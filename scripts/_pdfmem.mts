process.env.QINGDAN_CONTENT_DIR = '/tmp/synth300';
const { getPortal } = await import('/work/main/src/model/portal.ts');
const { reportsForPortal } = await import('/work/main/src/outputs/pdf/report-model.ts');
const { reportSource } = await import('/work/main/src/outputs/pdf/typst-source.ts');
const { palette } = await import('/work/main/src/outputs/pdf/palette.ts');
const { fontBuffers } = await import('/work/main/src/outputs/fonts.ts');
const { NodeCompiler } = await import('/work/main/node_modules/@myriaddreamin/typst-ts-node-compiler/index.js');
const mode = process.argv[2];
const portal = await getPortal();
const specs = reportsForPortal(portal).slice(0, Number(process.argv[3] ?? 40));
const fonts = fontBuffers();
let c: any = null; let maxRss = 0; let i = 0;
const t0 = Date.now();
for (const spec of specs) {
  if (!c || ((mode === 'fresh' || mode === 'freshevict') && i % 20 === 0)) { c = null; if (global.gc) global.gc(); c = NodeCompiler.create({ fontArgs: [{ fontBlobs: [fonts[400], fonts[700]] }] }); if (global.gc) global.gc(); }
  const src = reportSource(spec, palette);
  const res = c.compile({ mainFileContent: src, inputs: { generated: '2026-11-24' } });
  const pdf = c.pdf(res.result, { creationTimestamp: 0, pdfStandard: 'ua-1' });
  if (mode === 'evict0' || mode === 'evictgc' || mode === 'freshevict') c.evictCache(0);
  if (mode === 'evictgc' && i % 10 === 0) global.gc!();
  if (mode === 'evict1') c.evictCache(1);
  i++;
  maxRss = Math.max(maxRss, process.memoryUsage().rss / 1e6);
}
console.log(mode, 'max rss', maxRss.toFixed(0), 'ms', Date.now() - t0);

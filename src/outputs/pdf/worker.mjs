// A PDF-rendering child process (forked by pipeline.ts through src/build/pool/). It reads the fonts
// once (paths in argv[2]), then compiles the jobs {id, source, generatedOn, name} it is sent, one at a
// time, answering {id, ok, pdf, pages, standard, ms, cpuMs, rssMb} or {id, ok: false, error, diagnostics}.
// A process, not a thread: typst's native memory grows with every compile and only an exiting process
// gives it back, so the pool retires a child after some reports or once its RSS passes a threshold.
import { readFileSync } from 'node:fs';
import { compileReport, createCompiler } from './render-core.mjs';

const { fonts } = JSON.parse(process.argv[2] ?? '{}');
const compiler = createCompiler(fonts.map((/** @type {string} */ f) => readFileSync(f)));
const rssMb = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
// A pool that has failed disconnects while a compile runs; its answer then has nowhere to go.
const reply = (/** @type {object} */ message) => process.connected && process.send?.(message);

process.on('message', (/** @type {{ id: number, source: string, generatedOn: string, name: string }} */ job) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const r = compileReport(compiler, job.source, job);
    const used = process.cpuUsage(cpu);
    reply({
      id: job.id,
      ok: true,
      pdf: r.pdf,
      pages: r.pages,
      standard: r.standard,
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      rssMb: rssMb(),
    });
  } catch (error) {
    const e = /** @type {{ name?: string, message?: string, stack?: string, diagnostics?: unknown[] }} */ (error);
    reply({
      id: job.id,
      ok: false,
      error: e?.name === 'TypstError' ? e.message : String(e?.stack ?? error),
      diagnostics: e?.diagnostics ?? [],
      rssMb: rssMb(),
    });
  }
});
// The pool ends an idle child by disconnecting; a parent that died disconnects too.
process.on('disconnect', () => process.exit(0));

// npm run synth -- --tasks N --out DIR [--seed S]
// Writes a deterministic synthetic corpus (documents, registry, demo status) laid out like content/.
// Point the build at it with QINGDAN_CONTENT_DIR=DIR. Never publish a site built from it.
import { resolve } from 'node:path';
import { synthesizeCorpus } from '../src/synth/index.ts';
import { writeCorpus } from '../src/synth/write.ts';

function parseArgs(argv: string[]): { tasks: number; out: string; seed: number } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument "${a}"`);
    args.set(m[1], m[2] ?? argv[++i] ?? '');
  }
  for (const k of args.keys()) if (!['tasks', 'out', 'seed'].includes(k)) throw new Error(`unknown option --${k}`);
  const tasks = Number(args.get('tasks') ?? '1000');
  const seed = Number(args.get('seed') ?? '1');
  const out = args.get('out');
  if (!Number.isInteger(tasks) || tasks < 1) throw new Error(`--tasks must be a positive whole number, got "${args.get('tasks')}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${args.get('seed')}"`);
  if (!out) throw new Error('--out DIR is required (e.g. --out bench/tmp/corpus-1000)');
  return { tasks, out: resolve(out), seed };
}

try {
  const { tasks, out, seed } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const corpus = synthesizeCorpus({ tasks, seed });
  const { files, bytes } = writeCorpus(corpus, out);
  const reports = corpus.status.files.reduce((n, f) => n + f.reports.length, 0);
  console.log(
    `synth: ${tasks} tasks in ${corpus.documents.length} documents, ${corpus.registry.regions.length} regions, ` +
      `${corpus.registry.departments.length} departments, ${reports} demo status reports in ${corpus.status.files.length} files; ` +
      `${files} files, ${(bytes / 1e6).toFixed(1)} MB → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
} catch (e) {
  console.error(`synth: ${(e as Error).message}`);
  process.exit(1);
}

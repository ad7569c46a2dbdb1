// The synthetic corpus: documents in the real text formats, a registry of fake regions and their
// departments, and demonstration status reports. Pure and deterministic: the same {tasks, seed}
// gives the same corpus, byte for byte. Used by tests and the benchmark only; never published.
import type { DocumentKind } from '../domain/types';
import { departmentsOf, type SynthDepartment } from './departments';
import { WRITERS, type DocContext, type SynthDocument } from './documents';
import { planRegions, synthesizeRegions, type SynthRegion } from './regions';
import { createRng, type Rng } from './rng';
import { synthesizeStatus, type SynthStatusFile } from './status';
import { pad2 } from './text';

export type { SynthDocument } from './documents';
export type { SynthRegion } from './regions';
export type { SynthDepartment } from './departments';
export type { SynthStatusFile } from './status';

export interface SynthOptions {
  /** Total number of tasks (problems count as tasks) over all documents. */
  tasks: number;
  seed?: number;
}

export interface SynthCorpus {
  tasks: number;
  seed: number;
  documents: SynthDocument[];
  registry: { regions: SynthRegion[]; departments: SynthDepartment[] };
  status: { files: SynthStatusFile[] };
}

type WrittenKind = keyof typeof WRITERS;

interface KindPlan {
  kind: WrittenKind;
  slug: string;
  weight: number;
  /** How many tasks such a document has, as in the real ones. */
  size: [number, number];
  levels: Array<SynthRegion['level']>;
  years: [number, number];
}

const KINDS: KindPlan[] = [
  { kind: '分工方案', slug: 'fengong', weight: 2, size: [25, 75], levels: ['prefecture'], years: [2017, 2020] },
  { kind: '工作要点', slug: 'yaodian', weight: 3, size: [15, 60], levels: ['prefecture', 'county'], years: [2018, 2023] },
  { kind: '实施方案', slug: 'shishi', weight: 2, size: [8, 25], levels: ['county'], years: [2019, 2023] },
  { kind: '整改方案', slug: 'zhenggai', weight: 1.5, size: [6, 20], levels: ['province', 'prefecture'], years: [2017, 2021] },
  { kind: '实施意见', slug: 'yijian', weight: 1.5, size: [8, 18], levels: ['province'], years: [2020, 2024] },
];

function pickKind(rng: Rng): KindPlan {
  const total = KINDS.reduce((n, k) => n + k.weight, 0);
  let r = rng.next() * total;
  for (const k of KINDS) {
    r -= k.weight;
    if (r < 0) return k;
  }
  return KINDS[KINDS.length - 1];
}

/** Document sizes that add up to exactly `tasks`; the first five documents cover the five kinds. */
function planDocuments(rng: Rng, tasks: number): Array<{ plan: KindPlan; tasks: number }> {
  const out: Array<{ plan: KindPlan; tasks: number }> = [];
  let remaining = tasks;
  while (remaining > 0) {
    const plan = out.length < KINDS.length ? KINDS[out.length] : pickKind(rng);
    let size = Math.min(remaining, rng.int(plan.size[0], plan.size[1]));
    // Never leave a sliver: a remainder under 3 joins this document.
    if (remaining - size < 3) size = remaining;
    out.push({ plan, tasks: size });
    remaining -= size;
  }
  return out;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function synthesizeCorpus(options: SynthOptions): SynthCorpus {
  const tasks = Math.floor(options.tasks);
  const seed = options.seed ?? 1;
  if (!(tasks >= 1)) throw new Error(`tasks must be a positive whole number, got ${options.tasks}`);
  const root = createRng(seed);

  const regions = synthesizeRegions(planRegions(tasks), root.fork('regions'));
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const departments = regions.flatMap(departmentsOf);

  const docRng = root.fork('documents');
  const plans = planDocuments(docRng, tasks);
  const documents: SynthDocument[] = plans.map(({ plan, tasks: count }, i) => {
    const rng = docRng.fork(`doc${i}`);
    const eligible = regions.filter((r) => plan.levels.includes(r.level));
    const region = rng.pick(eligible);
    const year = rng.int(plan.years[0], plan.years[1]);
    const writtenOn = `${year}-${pad2(rng.int(1, 11))}-${pad2(rng.int(1, 28))}`;
    const slug = `synth-${String(i + 1).padStart(5, '0')}-${plan.slug}-${year}`;
    const ctx: DocContext = {
      rng,
      region,
      parent: region.parentCode ? (byCode.get(region.parentCode) ?? null) : null,
      slug,
      tasks: count,
      year,
      writtenOn,
      publishedOn: addDays(writtenOn, rng.int(0, 3)),
      provenance: `synth-seed${seed}-${String(i + 1).padStart(5, '0')}.txt`,
    };
    return WRITERS[plan.kind](ctx);
  });

  const statusRng = root.fork('status');
  const files = documents.flatMap((d) => synthesizeStatus(statusRng.fork(d.slug), d));

  return { tasks, seed, documents, registry: { regions, departments }, status: { files } };
}

/** Kinds in the order the generator cycles through them first. */
export const SYNTH_KINDS: readonly DocumentKind[] = KINDS.map((k) => k.kind);

// The synthetic corpus (index.ts): deterministic, of exactly the size asked for, shaped like content/, and
// readable by the real ingest, registry and status loaders with exactly the tasks and units the generator wrote.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestDocumentFile } from '../../src/sources/documents/index';
import { type Registry } from '../../src/sources/registry/registry';
import { loadRegistry } from '../../src/sources/registry/load';
import { resolveUnit } from '../../src/sources/registry/resolve';
import { loadStatusReports } from '../../src/sources/status/index';
import type { Document } from '../../src/domain/types';
import { synthesizeCorpus, SYNTH_KINDS, type SynthCorpus } from '../../src/synth/index';
import { corpusFiles, writeCorpus } from '../../src/synth/write';

const TASKS = 400;
const SEED = 11;

describe('determinism', () => {
  it('gives byte-identical files for the same seed and size', () => {
    const a = corpusFiles(synthesizeCorpus({ tasks: TASKS, seed: SEED }));
    const b = corpusFiles(synthesizeCorpus({ tasks: TASKS, seed: SEED }));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
  });

  it('gives a different corpus for another seed', () => {
    const a = corpusFiles(synthesizeCorpus({ tasks: TASKS, seed: SEED }));
    const b = corpusFiles(synthesizeCorpus({ tasks: TASKS, seed: SEED + 1 }));
    const differing = [...a.keys()].filter((k) => a.get(k) !== b.get(k));
    expect(differing.length).toBeGreaterThan(a.size / 2);
  });

  it('depends on neither Math.random nor the clock', () => {
    const expected = corpusFiles(synthesizeCorpus({ tasks: 120, seed: 3 }));
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      const again = corpusFiles(synthesizeCorpus({ tasks: 120, seed: 3 }));
      expect([...again]).toEqual([...expected]);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });
});

describe('size', () => {
  it.each([1, 7, 96, 1234])('spreads exactly %i tasks over the documents', (n) => {
    const corpus = synthesizeCorpus({ tasks: n, seed: 1 });
    expect(corpus.documents.reduce((s, d) => s + d.expected.tasks.length, 0)).toBe(n);
    expect(corpus.documents.every((d) => d.expected.tasks.length >= 1)).toBe(true);
  });

  it('rejects a size that is not a positive number', () => {
    expect(() => synthesizeCorpus({ tasks: 0 })).toThrow(/positive/);
    expect(() => synthesizeCorpus({ tasks: Number.NaN })).toThrow(/positive/);
  });
});

describe('a written corpus through the real loaders', () => {
  let dir: string;
  let corpus: SynthCorpus;
  let documents: Document[];
  let registry: Registry;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-synth-'));
    corpus = synthesizeCorpus({ tasks: TASKS, seed: SEED });
    writeCorpus(corpus, dir);
    documents = await Promise.all(corpus.documents.map((d) => ingestDocumentFile(join(dir, 'documents', `${d.slug}.txt`))));
    registry = loadRegistry(join(dir, 'registry'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers all five document kinds', () => {
    expect(new Set(corpus.documents.map((d) => d.meta.kind))).toEqual(new Set(SYNTH_KINDS));
  });

  it('writes metadata with only the fields the real metadata files use', () => {
    const realKeys = new Set<string>();
    for (const f of readdirSync('content/documents').filter((n) => n.endsWith('.yaml'))) {
      for (const k of Object.keys(parseYaml(readFileSync(join('content/documents', f), 'utf8')) as object)) realKeys.add(k);
    }
    for (const d of corpus.documents) {
      const meta = parseYaml(readFileSync(join(dir, 'documents', `${d.slug}.yaml`), 'utf8')) as Record<string, unknown>;
      for (const k of Object.keys(meta)) expect(realKeys, `${d.slug}: ${k}`).toContain(k);
      for (const k of ['region', 'kind', 'reporting', 'span']) expect(meta, d.slug).toHaveProperty(k);
      expect(String(meta.note)).toContain('合成数据');
    }
  });

  it('ingests every document with the tasks, numbers and measures written', () => {
    corpus.documents.forEach((d, i) => {
      const doc = documents[i];
      expect(doc.meta.kind).toBe(d.meta.kind);
      expect(
        doc.tasks.map((t) => t.localId),
        d.slug,
      ).toEqual(d.expected.tasks.map((t) => t.localId));
      expect(
        doc.tasks.map((t) => t.number),
        d.slug,
      ).toEqual(d.expected.tasks.map((t) => t.number));
      expect(
        doc.tasks.map((t) => t.kind),
        d.slug,
      ).toEqual(d.expected.tasks.map((t) => t.kind));
      expect(
        doc.tasks.map((t) => t.measures.length),
        d.slug,
      ).toEqual(d.expected.tasks.map((t) => t.measures));
    });
  });

  it('reads the header fields the text gives: title, 发文字号, publication date', () => {
    corpus.documents.forEach((d, i) => {
      const doc = documents[i];
      expect(doc.docNumber, d.slug).toBe(d.expected.docNumber);
      expect(doc.publishedOn, d.slug).toBe(d.expected.publishedOn);
      expect(doc.title, d.slug).toContain(corpus.registry.regions.find((r) => r.code === d.meta.region)!.name);
      expect(doc.title!.endsWith(d.meta.kind) || doc.title!.endsWith(`${d.meta.kind}》`), `${d.slug}: ${doc.title}`).toBe(true);
    });
  });

  it('finds exactly the units each task names, with roles and restored prefixes', () => {
    const key = (u: { name: string; role: string; written?: string }) => `${u.name}|${u.role}|${u.written ?? ''}`;
    let withDroppedPrefix = 0;
    corpus.documents.forEach((d, i) => {
      documents[i].tasks.forEach((t, j) => {
        const want = d.expected.tasks[j].units;
        withDroppedPrefix += want.filter((u) => u.written).length;
        expect(t.units.map(key).sort(), `${t.id}`).toEqual(want.map(key).sort());
      });
    });
    // The generator must really exercise the shared-prefix form "(地区林业局、国土资源局)".
    expect(withDroppedPrefix).toBeGreaterThan(10);
  });

  it('finds exactly the targets each task states', () => {
    corpus.documents.forEach((d, i) => {
      documents[i].tasks.forEach((t, j) => {
        expect(
          t.targets.map((x) => `${x.value}${x.unit}`),
          t.id,
        ).toEqual(d.expected.tasks[j].targets.map((x) => `${x.value}${x.unit}`));
      });
    });
  });

  it('loads the registry, and it resolves every unit it should (and no typo)', () => {
    expect(registry.regions.length).toBe(corpus.registry.regions.length);
    for (const r of registry.regions) {
      expect(r.code).toMatch(/^9[1-9]\d{4}$/);
      expect(r.name.startsWith('合成')).toBe(true);
    }
    let typos = 0;
    for (const d of corpus.documents) {
      for (const t of d.expected.tasks) {
        for (const u of t.units) {
          const r = resolveUnit(registry, u.name, d.meta.region);
          expect(r.verified, `${d.slug} ${t.localId} ${u.name}`).toBe(u.registered);
          if (!u.registered) typos++;
        }
      }
    }
    expect(typos).toBeGreaterThan(0);
    // 机构改革: renamed departments hand over to their successors.
    const successions = registry.departments.filter((x) => x.successorId !== null);
    expect(successions.length).toBeGreaterThan(0);
    for (const s of successions) expect(registry.departmentById.has(s.successorId!)).toBe(true);
  });

  it('loads the status files through the real loader, all of them demo data', () => {
    const reports = loadStatusReports(join(dir, 'status'), documents);
    const written = corpus.status.files.reduce((n, f) => n + f.reports.length, 0);
    expect(written).toBeGreaterThan(0);
    expect(reports.length).toBe(written);
    expect(reports.every((r) => r.source === 'demo')).toBe(true);
    expect(new Set(reports.map((r) => r.status)).size).toBeGreaterThan(3);
    expect(reports.some((r) => r.indicators.length > 0)).toBe(true);
  });
});

// Nothing lost: every line of every document belongs to exactly one part, the parts rebuild the
// source exactly, and only recognised site chrome is set aside.
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../src/sources/documents/index';
import { isChromeLine } from '../../../src/sources/documents/chrome';
import { canonical, trimAll } from '../../../src/sources/documents/normalize';

const docs = await ingestAll('content/documents');

describe.each(docs.map((d) => [d.slug, d] as const))('%s', (_slug, doc) => {
  const lines = doc.source.split('\n');

  it('parts cover every line once, in order, and rebuild the source', () => {
    let next = 1;
    for (const p of doc.parts) {
      expect(p.lineStart).toBe(next);
      expect(p.lineEnd).toBeGreaterThanOrEqual(p.lineStart);
      next = p.lineEnd + 1;
    }
    expect(next - 1).toBe(lines.length);
    expect(doc.parts.map((p) => p.text).join('\n')).toBe(doc.source);
  });

  it('every task part points at a task and every task owns its lines', () => {
    const ids = new Set(doc.tasks.map((t) => t.id));
    for (const p of doc.parts.filter((p) => p.kind === 'task')) expect(ids.has(p.taskId!)).toBe(true);
    for (const t of doc.tasks) {
      const owned = doc.parts
        .filter((p) => p.taskId === t.id)
        .map((p) => p.text)
        .join('\n');
      expect(owned.replace(/\s/g, '')).toContain(t.text.split('\n')[0].replace(/\s/g, '').slice(0, 40));
    }
  });

  it('chrome parts hold only lines that look like site chrome or follow a footer marker', () => {
    for (const p of doc.parts.filter((p) => p.kind === 'chrome')) {
      const first = canonical(trimAll(p.text.split('\n')[0]));
      expect(isChromeLine(first), `line ${p.lineStart}: ${first}`).toBe(true);
    }
  });

  it('no sentence of the body is chrome', () => {
    for (const p of doc.parts.filter((p) => p.kind === 'chrome')) {
      expect(p.text, `line ${p.lineStart}`).not.toMatch(/[。；]/);
    }
  });
});

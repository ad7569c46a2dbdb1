// YAML text with lines (src/sources/yaml-text.ts): the data and the lines agree with the `yaml`
// package's parse of the same text, on snippets and on every YAML file of the content; errors name
// their line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/repo';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseYamlText, YamlSyntaxError } from '../../src/sources/yaml-text';

const CONTENT = repoPath('content');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

/** The `yaml` package's data for a text. */
const reference = (text: string) => parseDocument(text).toJS();

function syntaxLine(text: string): number {
  try {
    parseYamlText(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) return e.line;
    throw e;
  }
  throw new Error('parsed without an error');
}

describe('parseYamlText: data', () => {
  it.each([
    ['scalars of the core schema', 'a: 1\nb: 1.5\nc: true\nd: ~\ne:\nf: 0x10\ng: -3\nh: 1e3\n'],
    ['dates and yes/no stay text', 'reportedOn: 2019-06-30\nok: yes\nno_: no\n'],
    ['quoted and multi-line text', "a: '单引号 ''内'' 文本'\nb: \"双引号\\n换行\"\nc: |\n  第一行\n  第二行\nd: >-\n  折叠\n  文本\n"],
    ['flow collections', 'a: [1, "二", {x: 3}]\nb: {k: v, n: [ ]}\n'],
    ['anchors and aliases', 'a: &x {k: 1}\nb: *x\n'],
    ['comments and a Chinese key', '# 说明\n任务: t1 # 行尾注释\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - x\r\n  - y\r\n'],
    ['an empty file', ''],
    ['only a comment', '# nothing\n'],
  ])('%s: as the yaml package parses it', (_, text) => {
    expect(parseYamlText(text).data).toEqual(reference(text));
  });

  it('every YAML file of the content: the same data as the yaml package', () => {
    const files = yamlFiles(CONTENT);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseYamlText(text).data, file).toEqual(reference(text));
    }
  });
});

describe('parseYamlText: lines', () => {
  const text = [
    'document: plan-a',
    'period: 2019',
    'empty:',
    'reports:',
    '  - task: t1',
    '    status: 已完成',
    '  -',
    '    task: t2',
    '    evidence:',
    '      - {title: 文件, url: /x/}',
    '',
  ].join('\n');
  const yaml = parseYamlText(text);

  it('finds mappings, sequence entries and nested values', () => {
    expect(yaml.lineAt([])).toBe(1);
    expect(yaml.lineAt(['period'])).toBe(2);
    expect(yaml.lineAt(['reports'])).toBe(5);
    expect(yaml.lineAt(['reports', 0])).toBe(5);
    expect(yaml.lineAt(['reports', 0, 'status'])).toBe(6);
    // An entry whose mapping starts on the line after its dash is found where the mapping starts.
    expect(yaml.lineAt(['reports', 1])).toBe(8);
    expect(yaml.lineAt(['reports', 1, 'evidence', 0, 'url'])).toBe(10);
  });

  it('an empty value is found at its key; a missing one at its nearest ancestor', () => {
    expect(yaml.lineAt(['empty'])).toBe(3);
    expect(yaml.lineAt(['reports', 1, 'progress'])).toBe(8);
    expect(yaml.lineAt(['reports', 7, 'task'])).toBe(5);
    expect(yaml.lineAt(['nothing', 'here'])).toBe(1);
  });

  it('keys: the line of a key of a mapping, else of the mapping', () => {
    expect(yaml.keyLineAt(['reports', 0], 'status')).toBe(6);
    expect(yaml.keyLineAt(['reports', 1], 'unknown')).toBe(8);
    expect(yaml.keyLineAt([], 'reports')).toBe(4);
  });

  it('every status entry of the content: on the line the yaml package puts it', () => {
    const files = yamlFiles(join(CONTENT, 'status'));
    let entries = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const counter = new LineCounter();
      const doc = parseDocument(source, { lineCounter: counter });
      const reports = isMap(doc.contents) ? doc.contents.get('reports', true) : null;
      if (!isSeq(reports)) continue;
      const ours = parseYamlText(source);
      reports.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] }).range!;
        expect(ours.lineAt(['reports', i]), `${file} reports[${i}]`).toBe(counter.linePos(range[0]).line);
        entries++;
      });
    }
    expect(entries).toBeGreaterThan(100);
  });
});

describe('parseYamlText: errors', () => {
  it('an alias that repeats a value a few times is data like any other', () => {
    const text = 'common: &c [{title: 文件, url: /x/}]\nreports:\n  - evidence: *c\n  - evidence: *c\n';
    expect(parseYamlText(text).data).toEqual(reference(text));
  });

  it.each([
    ['bad indentation', 'a: 1\nb:\n  - x\n - y\n', 4],
    ['an unclosed flow sequence', 'a: [1,\nb: 2\n', 2],
    ['a duplicate key', 'task: t1\nstatus: 已完成\ntask: t2\n', 3],
    ['a tag outside the core schema', 'a: 1\nb: !!binary aGk=\n', 2],
    ['a second document', 'a: 1\n---\nb: 2\n', 3],
    // Each level doubles the one before: 2^40 values from 40 lines.
    [
      'aliases that multiply',
      ['a0: &a0 [x, x]', ...Array.from({ length: 40 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`)].join('\n'),
      2,
    ],
  ])('%s: a syntax error at its line', (_, text, line) => {
    expect(syntaxLine(text)).toBe(line);
  });
});

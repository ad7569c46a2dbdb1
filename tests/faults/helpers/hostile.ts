// Hostile strings, and the suite's content with them in every input field a reader's page, a feed, a
// card, a PDF report, the search index or a download shows. Each field carries all of them at once
// (where the field's grammar lets a payload through: a title is one line without sentence punctuation,
// a unit name one item of a list), so one build exercises every field against every output.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SLUG = 'huangyuan-2021-gaodi';

export const PAYLOADS = {
  formula: '=HYPERLINK("http://evil","x")',
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(1)>',
  jsLink: '<a href=javascript:alert(1)>x</a>',
  unmatched: '</span><label>',
  typstSet: '#set page(width:1cm)',
  typstImport: '#import "x.typ"',
  cdataEnd: ']]>',
  entity: '&amp;',
  control: '\u0007\u001b[31m',
  /**
   * Right-to-left override and its end, a zero-width space and joiner: invisible, they reorder or split what
   * a reader sees. The overridden word is a palindrome, so its visual order (what pdftotext gives) reads as written.
   */
  bidi: '\u202Elevel\u202C\u200B\u200D',
} as const;

/** A Markdown link to a script (progress notes are Markdown). */
export const MD_LINK = '[x](javascript:alert(1))';

/**
 * Every payload in one string (under 200 characters: a name or title takes 200), the formula first (a
 * cell that starts with it must be neutralised).
 */
export const ALL = Object.values(PAYLOADS).join('');
/** What a reader may see of ALL: control characters are dropped (XML 1.0 forbids them; src/portal/escape.ts). */
export const VISIBLE = ALL.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** A word beside the payload in the task text, to search for. */
export const SEARCH_WORD = '毒饵';

/** Unit names in the plan's text: one item of a unit list each (the extractor drops their spaces). */
export const UNIT_NAMES = [
  '县<script>alert(1)</script>局',
  '县"><img src=x onerror=alert(1)>局',
  '县</span><label>局',
  '县#{panic()}#raw("x")局',
  '县#set page(width:1cm)局',
  '=HYPERLINK("http://evil")局',
  '县]]>局',
];
/** The names as read: a unit list loses its spaces. */
export const UNIT_NAMES_READ = UNIT_NAMES.map((n) => n.replace(/\s+/g, ''));

/** The title line: at most 80 characters, no sentence punctuation (`;` `,` `:` make it prose), ending like a title. */
export const TITLE_LINE = '湟源县<script>alert(1)</script>"><img src=x onerror=alert(1)>#{panic()}]]>实施方案';

/** A progress note with an unmatched tag: the page around it must stay balanced, the tag shown as text. */
export const UNMATCHED_NOTE = '【示例数据（非官方）】进展顺利 </span><label> 下一步继续推进。';

/** The department whose name and an alias carry the payload. */
export const HOSTILE_DEPARTMENT = '630123-fgj';

/** An input field with the payloads in it. */
export interface Field {
  name: string;
  /** As written in the content. */
  value: string;
  /** As a reader must see it (control characters dropped); null for Markdown, whose markup is rendered. */
  shown: string | null;
}

const strip = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
const field = (name: string, value: string, markdown = false): Field => ({ name, value, shown: markdown ? null : strip(value) });

/** Every field, each with its own tag before the payloads (a name or title takes 200 characters). */
export const FIELDS = {
  title: { name: 'plan title', value: TITLE_LINE, shown: TITLE_LINE.replace(/\s+/g, '').replace(/</g, '〈').replace(/>/g, '〉') },
  taskText: field('task text', `${SEARCH_WORD}${ALL}`),
  units: UNIT_NAMES.map((u, i) => ({ name: `unit name ${i + 1}`, value: u, shown: UNIT_NAMES_READ[i]! })),
  issuer: field('issuer (document metadata)', `县政府${ALL}`),
  note: field('note (document metadata)', `备注${ALL}`),
  department: field('department name (registry)', `发改局${ALL}`),
  alias: field('department alias (registry)', `别名${ALL}`),
  source: field('source title (status file)', `公示${ALL}`),
  progress: field('progress note (YAML, Markdown)', `进展说明${SEARCH_WORD}${ALL}${MD_LINK}\u0000\n\n- 列表${ALL}\n\n> 引用${ALL}`, true),
  evidence: field('evidence title', `佐证${ALL}`),
  reportingUnit: field('reporting unit', `填报${ALL}`),
  indicatorUnit: field('indicator unit', `单位${ALL}`),
  indicatorNote: field('indicator note', `指标说明${ALL}`),
  csvProgress: field('progress note (CSV, Markdown)', `CSV进展${ALL}`, true),
  csvReportingUnit: field('reporting unit (CSV)', `表报${ALL}`),
} as const;

/** Values a spreadsheet would take for a formula: each starts a cell of a CSV download. */
export const FORMULA_CELLS = [PAYLOADS.formula, `${PAYLOADS.formula}${PAYLOADS.script}`, '@SUM(1+1)', '=1+1', '+1+1', '-1+1'];

/** A YAML scalar for any string (JSON strings are YAML double-quoted scalars, control characters escaped). */
export const yamlString = (s: string): string => JSON.stringify(s);

/** A CSV cell for any string (RFC 4180). */
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

const replaceOnce = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`the fixture no longer holds ${JSON.stringify(from)}`);
  return text.replace(from, () => to);
};

/** Writes the payloads into every input field of a copy of the fixture. */
export function makeHostile(content: string): void {
  const F = FIELDS;
  // The plan: its title, a task's text, unit names. Control characters go in as bytes.
  const doc = join(content, 'documents', `${SLUG}.txt`);
  let text = readFileSync(doc, 'utf8');
  text = replaceOnce(
    text,
    '《湟源县贯彻落实<关于加快把青藏高原打造成为全国乃至国际生态文明高地行动方案> 的实施方案》',
    `《${F.title.value}》`,
  );
  // A quantity the task promises (its target 0), so that a report can carry an indicator value.
  text = replaceOnce(text, '构建河湟谷地生态共同体。', `构建河湟谷地生态共同体。森林覆盖率达到38.5%。${F.taskText.value}。`);
  text = replaceOnce(text, '配合单位:县林草局、县自然资源局', `配合单位:县林草局、${UNIT_NAMES.join('、')}、县自然资源局`);
  writeFileSync(doc, text);
  // What the text does not say: an issuer and a note typed by an editor.
  appendFileSync(join(content, 'documents', `${SLUG}.yaml`), `issuer: ${yamlString(F.issuer.value)}\nnote: ${yamlString(F.note.value)}\n`);
  // The registry: a department's name and an alias.
  const registry = join(content, 'registry', 'departments', '630123.yaml');
  writeFileSync(
    registry,
    replaceOnce(
      readFileSync(registry, 'utf8'),
      `- id: ${HOSTILE_DEPARTMENT}\n    name: 湟源县发展和改革局\n    aliases: [县发改局, 发改局]`,
      `- id: ${HOSTILE_DEPARTMENT}\n    name: ${yamlString(F.department.value)}\n    aliases: [县发改局, 发改局, ${yamlString(F.alias.value)}]`,
    ),
  );
  // A status file in YAML: the source's title, progress notes, evidence titles, reporting units.
  writeFileSync(
    join(content, 'status', SLUG, '2022.yaml'),
    [
      `document: ${SLUG}`,
      'period: "2022"',
      `source: { title: ${yamlString(F.source.value)}, url: "https://www.huangyuan.gov.cn/gk/2022.html" }`,
      'reportedOn: 2023-01-15',
      'reports:',
      '  - task: t1',
      '    status: 超过序时进度',
      `    progress: ${yamlString(F.progress.value)}`,
      `    evidence: [{ title: ${yamlString(F.evidence.value)}, url: "https://www.huangyuan.gov.cn/gk/1.html" }]`,
      `    indicators: [{ target: 0, value: 38.6, unit: ${yamlString(F.indicatorUnit.value)}, note: ${yamlString(F.indicatorNote.value)} }]`,
      `    reportingUnit: ${yamlString(F.reportingUnit.value)}`,
      '  - task: t2',
      '    status: 达到序时进度',
      `    progress: ${yamlString(UNMATCHED_NOTE)}`,
      `    evidence: [{ title: ${yamlString(FORMULA_CELLS[0]!)}, url: "https://www.huangyuan.gov.cn/gk/2.html" }]`,
      `    reportingUnit: ${yamlString(FORMULA_CELLS[0]!)}`,
      '  - task: t3',
      '    status: 未达到序时进度',
      `    progress: ${yamlString(FORMULA_CELLS[1]!)}`,
      `    evidence: [{ title: ${yamlString(FORMULA_CELLS[3]!)}, url: "https://www.huangyuan.gov.cn/gk/4.html" }]`,
      `    reportingUnit: ${yamlString(FORMULA_CELLS[5]!)}`,
      '',
    ].join('\n'),
  );
  // A status file in CSV: the same fields through the CSV reader (control characters as bytes).
  writeFileSync(
    join(content, 'status', SLUG, '2023.csv'),
    [
      'document,period,task,status,progress,evidence,indicators,reportingUnit,reportedOn,source',
      `${SLUG},2023,t1,达到序时进度,${csvCell(F.csvProgress.value)},${csvCell(`${FORMULA_CELLS[0]}|https://www.huangyuan.gov.cn/gk/3.html`)},,${csvCell(F.csvReportingUnit.value)},2024-01-12,demo`,
      `${SLUG},2023,t4,尚未启动,${csvCell(FORMULA_CELLS[0]!)},,,${csvCell(FORMULA_CELLS[2]!)},2024-01-12,demo`,
      `${SLUG},2023,t3,已完成,${csvCell(FORMULA_CELLS[4]!)},,,县发改局,2024-01-12,demo`,
      '',
    ].join('\n'),
  );
}

/** URLs that must never be published: each is refused by the build, with file, line and field. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/x',
  'vbscript:msgbox(1)',
  'java\tscript:alert(1)',
];

export interface UrlPlacement {
  /** The file, relative to the content folder. */
  file: string;
  /** The field as errors name it. */
  field: string;
  url: string;
}

/** Puts one hostile URL in each URL field of a copy of the fixture; says where each went. */
export function makeHostileUrls(content: string): UrlPlacement[] {
  const placed: UrlPlacement[] = [];
  const meta = join(content, 'documents', `${SLUG}.yaml`);
  writeFileSync(
    meta,
    replaceOnce(readFileSync(meta, 'utf8'), 'sourceUrl: http://www.huangyuan.gov.cn/', `sourceUrl: ${yamlString(HOSTILE_URLS[0]!)}`),
  );
  placed.push({ file: `documents/${SLUG}.yaml`, field: 'sourceUrl', url: HOSTILE_URLS[0]! });
  const yaml = `status/${SLUG}/2022.yaml`;
  writeFileSync(
    join(content, yaml),
    [
      `document: ${SLUG}`,
      'period: "2022"',
      `source: { title: 关于2022年进展情况的公示, url: ${yamlString(HOSTILE_URLS[1]!)} }`,
      'reportedOn: 2023-01-15',
      'reports:',
      '  - task: t1',
      '    status: 超过序时进度',
      `    evidence: [{ title: 佐证一, url: ${yamlString(HOSTILE_URLS[2]!)} }, { title: 佐证二, url: ${yamlString(HOSTILE_URLS[3]!)} }]`,
      '    reportingUnit: 县发改局',
      '  - task: t2',
      '    status: 达到序时进度',
      `    evidence: [{ title: 佐证三, url: ${yamlString(HOSTILE_URLS[4]!)} }]`,
      '    reportingUnit: 县水利局',
      '',
    ].join('\n'),
  );
  placed.push(
    { file: yaml, field: 'source.url', url: HOSTILE_URLS[1]! },
    { file: yaml, field: 'reports[0].evidence[0].url', url: HOSTILE_URLS[2]! },
    { file: yaml, field: 'reports[0].evidence[1].url', url: HOSTILE_URLS[3]! },
    { file: yaml, field: 'reports[1].evidence[0].url', url: HOSTILE_URLS[4]! },
  );
  const csv = `status/${SLUG}/2023.csv`;
  writeFileSync(
    join(content, csv),
    [
      'document,period,task,status,progress,evidence,indicators,reportingUnit,reportedOn,source',
      `${SLUG},2023,t1,达到序时进度,进展,"佐证|${HOSTILE_URLS[5]}",,县发改局,2024-01-12,demo`,
      '',
    ].join('\n'),
  );
  placed.push({ file: csv, field: 'evidence[0].url', url: HOSTILE_URLS[5]! });
  return placed;
}

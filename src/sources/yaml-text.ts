// YAML text to data, with the line of every node, from one parse: js-yaml's event stream gives both
// the values (constructFromEvents) and where each node starts, so an error names its line without a
// second parse. Measured on the 2,151 status files of 10,000 synthetic tasks (6.4 MB): 0.4–0.7 s,
// against 4.7–5.3 s for `yaml`'s parseDocument. YAML 1.2 core schema: dates stay text, `yes` is a word.
import { CORE_SCHEMA, constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event } from 'js-yaml';
import { dataWithoutControlCharacters } from '../domain/control-characters';

/** A syntax error, at its 1-based line. */
export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Where a node starts; -1 for an empty value (`key:` with nothing after it). Keys keep their text. */
type PosNode =
  | { kind: 'scalar'; start: number; text: string | null }
  | { kind: 'other'; start: number }
  | { kind: 'seq'; start: number; items: PosNode[] }
  | { kind: 'map'; start: number; pairs: Array<{ key: PosNode; value: PosNode }> };

export interface YamlText {
  /** The document as plain data (null for an empty one). */
  data: unknown;
  /** 1-based line of the node at `path`, else of its nearest ancestor; an empty value is found at its key. */
  lineAt(path: ReadonlyArray<PropertyKey>): number | null;
  /** 1-based line of the key `key` of the mapping at `parentPath`, else lineAt(parentPath). */
  keyLineAt(parentPath: ReadonlyArray<PropertyKey>, key: string): number | null;
}

/** The first of the offsets an event gives (anchor, tag, value), -1 when it has none. */
function startOf(...offsets: number[]): number {
  const found = offsets.filter((o) => o >= 0);
  return found.length ? Math.min(...found) : -1;
}

/**
 * The position tree of the node whose events start at events[i]; returns it and the index after it.
 * Only a mapping key's text is decoded (paths are looked up by key): the values are in the data already.
 */
function readNode(events: readonly Event[], source: string, i: number, isKey = false): [PosNode, number] {
  const ev = events[i]!;
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return [
        { kind: 'scalar', start: startOf(ev.anchorStart, ev.tagStart, ev.valueStart), text: isKey ? getScalarValue(source, ev) : null },
        i + 1,
      ];
    case EVENT_ID.ALIAS:
      return [{ kind: 'other', start: startOf(ev.anchorStart) }, i + 1];
    case EVENT_ID.SEQUENCE: {
      const items: PosNode[] = [];
      let j = i + 1;
      while (events[j]!.type !== EVENT_ID.POP) {
        const [item, next] = readNode(events, source, j);
        items.push(item);
        j = next;
      }
      return [{ kind: 'seq', start: startOf(ev.anchorStart, ev.tagStart, ev.start), items }, j + 1];
    }
    case EVENT_ID.MAPPING: {
      const pairs: Array<{ key: PosNode; value: PosNode }> = [];
      let j = i + 1;
      while (events[j]!.type !== EVENT_ID.POP) {
        const [key, afterKey] = readNode(events, source, j, true);
        const [value, afterValue] = readNode(events, source, afterKey);
        pairs.push({ key, value });
        j = afterValue;
      }
      return [{ kind: 'map', start: startOf(ev.anchorStart, ev.tagStart, ev.start), pairs }, j + 1];
    }
    default:
      throw new Error(`YAML events: unexpected event ${ev.type} at ${i}`);
  }
}

const keyText = (node: PosNode): string | null => (node.kind === 'scalar' ? node.text : null);

/** 1-based line of each offset, by the offsets where lines start. */
function lineCounter(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Values the data may hold per node of the file. An alias (`*name`) stands for its anchor's whole
 * value, and aliases of aliases multiply: a few lines can stand for billions of values ("billion
 * laughs"), which the parse cache and the pages would then write out.
 */
const MAX_VALUES_PER_NODE = 20;

/** Whether `data` holds more than `limit` values (mappings, sequences and scalars), counting shared ones each time. */
function holdsMoreThan(data: unknown, limit: number): boolean {
  let count = 0;
  const stack = [data];
  while (stack.length) {
    const v = stack.pop();
    if (++count > limit) return true;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return false;
}

/** Parses one YAML document; a syntax error, a duplicate key, a second document or aliases that multiply throw YamlSyntaxError. */
export function parseYamlText(source: string): YamlText {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(source, {});
    // Escapes such as "\0" or "\e" write control characters no output may show.
    documents = dataWithoutControlCharacters(constructFromEvents(events, { source, schema: CORE_SCHEMA }));
  } catch (e) {
    if (e instanceof YAMLException) throw new YamlSyntaxError(e.reason, (e.mark?.line ?? 0) + 1);
    throw e;
  }
  let lineNumber: ((offset: number) => number) | null = null;
  const line = (offset: number) => (lineNumber ??= lineCounter(source))(offset);
  // Each document opens with a document event; the second one's content says where it starts.
  const docStarts = events.flatMap((ev, i) => (ev.type === EVENT_ID.DOCUMENT ? [i] : []));
  if (docStarts.length > 1) {
    const [second] = readNode(events, source, docStarts[1]! + 1);
    throw new YamlSyntaxError('a second document (---) in one file', second.start >= 0 ? line(second.start) : 1);
  }
  const firstAlias = events.find((ev) => ev.type === EVENT_ID.ALIAS);
  if (firstAlias && holdsMoreThan(documents[0], Math.max(1000, events.length * MAX_VALUES_PER_NODE))) {
    throw new YamlSyntaxError(
      'aliases (*name) that repeat aliases stand for too many values; write the values out',
      line(firstAlias.anchorStart),
    );
  }
  let tree: PosNode | null | undefined;
  const root = () => (tree === undefined ? (tree = docStarts.length ? readNode(events, source, docStarts[0]! + 1)[0] : null) : tree);

  /** The node at `path` (null when it is missing), and the deepest one that exists along it. */
  const walk = (path: ReadonlyArray<PropertyKey>): { node: PosNode | null; best: PosNode | null } => {
    let node = root();
    let best = node;
    for (const k of path) {
      if (node?.kind === 'map') {
        const pair = node.pairs.find((p) => keyText(p.key) === String(k));
        if (!pair) return { node: null, best };
        // An empty value has no place of its own: its key stands for it.
        best = pair.value.start < 0 ? pair.key : pair.value;
        node = pair.value;
      } else if (node?.kind === 'seq' && typeof k === 'number' && node.items[k]) {
        node = node.items[k]!;
        best = node;
      } else return { node: null, best };
    }
    return { node, best };
  };
  const lineAt = (path: ReadonlyArray<PropertyKey>): number | null => {
    const { best } = walk(path);
    return best && best.start >= 0 ? line(best.start) : null;
  };
  return {
    data: documents.length ? documents[0] : null,
    lineAt,
    keyLineAt(parentPath, key) {
      const parent = walk(parentPath).node;
      const pair = parent?.kind === 'map' ? parent.pairs.find((p) => keyText(p.key) === key) : undefined;
      return pair && pair.key.start >= 0 ? line(pair.key.start) : lineAt(parentPath);
    },
  };
}

// Control characters (C0 except tab, line feed, form feed and carriage return, which HTML and XML
// read as white space; DEL; C1) carry no text: in HTML
// they are parse errors, in XML they are forbidden, in a PDF or a card they print as boxes. Input
// loses them where it is read, so that no output has to remember to.

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

export function withoutControlCharacters(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}

/**
 * The same for every string inside parsed data (YAML escapes such as "\0" or "\e" make them). Each
 * list or map is visited once: YAML aliases share them, and a walk of the expanded tree could be
 * exponential.
 */
export function dataWithoutControlCharacters<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (typeof value === 'string') return withoutControlCharacters(value) as T;
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = dataWithoutControlCharacters(value[i], seen);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = dataWithoutControlCharacters(record[key], seen);
  }
  return value;
}

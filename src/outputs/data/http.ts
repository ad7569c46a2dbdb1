// Responses for the static endpoints. Compact JSON: tasks.json for 50,000 tasks runs to ~100 MB
// pretty-printed; readers use tools anyway, and /data/ documents every field.
export const jsonResponse = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

export const schemaResponse = (value: unknown) =>
  new Response(JSON.stringify(value, null, 2), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });

export const csvResponse = (text: string) => new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });

export const xmlResponse = (text: string, type = 'application/xml') => new Response(text, { headers: { 'Content-Type': `${type}; charset=utf-8` } });

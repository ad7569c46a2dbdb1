// A tiny static file server over a built site, for the browser tests. It behaves like the
// static hosts the portal is deployed to: directories serve their index.html (and redirect
// when the trailing slash is missing), 404.html answers unknown paths, and every file gets a
// content type a browser accepts (Pagefind needs its .pf_* files and .wasm served as such).
// Listens on 127.0.0.1 only, on a random free port.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  /** The directory served. */
  root: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.pagefind': 'application/octet-stream',
};

/** Content type for a file name; Pagefind's .pf_meta/.pf_index/.pf_fragment/.pf_filter are binary. */
export function contentTypeOf(file: string): string {
  const ext = extname(file).toLowerCase();
  if (ext.startsWith('.pf_')) return 'application/octet-stream';
  return TYPES[ext] ?? 'application/octet-stream';
}

export interface StaticServerOptions {
  /**
   * Gzip text (HTML, CSS, JS, JSON, SVG, XML) for a client that accepts it, as a host configured
   * for it does; Pagefind's own files are compressed already and go as they are.
   */
  gzip?: boolean;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|geo\+json)|image\/svg\+xml)/;

/** Serve `rootDir` until close() is called. */
export async function startStaticServer(rootDir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(rootDir);
  const notFoundPage = join(root, '404.html');

  const server = createServer((req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const sendFile = (status: number, file: string, size: number) => {
      const type = contentTypeOf(file);
      if (options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const body = gzipSync(readFileSync(file));
        res.writeHead(status, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'accept-encoding',
          'content-length': String(body.length),
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(status, { 'content-type': type, 'content-length': String(size), 'cache-control': 'no-store' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = () => {
      if (existsSync(notFoundPage)) sendFile(404, notFoundPage, statSync(notFoundPage).size);
      else send(404, 'not found');
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(400, 'bad request');
    }
    const full = resolve(root, `.${pathname}`);
    // resolve() collapses '..': anything that ends up outside root is refused.
    if (full !== root && !full.startsWith(root + sep)) return send(403, 'forbidden');
    if (!existsSync(full)) return notFound();
    const st = statSync(full);
    if (st.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, 'moved', { location: `${url.pathname}/${url.search}` });
      const index = join(full, 'index.html');
      if (!existsSync(index)) return notFound();
      return sendFile(200, index, statSync(index).size);
    }
    if (!st.isFile()) return notFound();
    return sendFile(200, full, st.size);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

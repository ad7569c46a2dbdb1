// The browser tests trust this server to behave like a static host; check that it does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, startStaticServer, type StaticServer } from './static-server.ts';

describe('contentTypeOf', () => {
  it.each([
    ['a/index.html', 'text/html; charset=utf-8'],
    ['feeds/all.xml', 'application/xml; charset=utf-8'],
    ['cards/index.png', 'image/png'],
    ['reports/regions/542500/2024.pdf', 'application/pdf'],
    ['pagefind/wasm.unknown.pagefind', 'application/octet-stream'],
    ['pagefind/pagefind.zh-cn_0123abcd.pf_meta', 'application/octet-stream'],
    ['pagefind/index/zh-cn_0123abcd.pf_index', 'application/octet-stream'],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
    ['x.wasm', 'application/wasm'],
    ['fonts/NotoSansSC.woff2', 'font/woff2'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});

describe('startStaticServer', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-static-'));
    mkdirSync(join(dir, 'tasks', '文件'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>首页</title>');
    writeFileSync(join(dir, 'tasks', '文件', 'index.html'), '<!doctype html><title>任务</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>未找到</title>');
    writeFileSync(join(dir, 'data.pf_meta'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, '..secret'), 'file whose name starts with dots, inside root');
    server = await startStaticServer(dir);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/));

  it('serves index.html for the root and for directories with non-ASCII names', async () => {
    const home = await fetch(`${server.origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('首页');
    const task = await fetch(`${server.origin}/tasks/${encodeURIComponent('文件')}/`);
    expect(task.status).toBe(200);
    expect(await task.text()).toContain('任务');
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await fetch(`${server.origin}/tasks?q=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/tasks/?q=1');
  });

  it('answers unknown paths and index-less directories with 404.html and status 404', async () => {
    for (const path of ['/nope/', '/empty/']) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('未找到');
    }
  });

  it('serves binary files byte for byte with their content type', async () => {
    const res = await fetch(`${server.origin}/data.pf_meta`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 3]);
  });

  it('never serves files outside its root', async () => {
    // URL parsing collapses '..' and '%2e%2e' segments itself; an encoded slash survives it
    // and only becomes '../' after decoding, which is what the root check must catch.
    const res = await fetch(`${server.origin}/..%2F..%2F..%2Fetc%2Fpasswd`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('root:');
    expect((await fetch(`${server.origin}/..secret`)).status).toBe(200);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${server.origin}/`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${server.origin}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('startStaticServer with gzip', () => {
  let dir: string;
  let server: StaticServer;
  const script = `console.log(${JSON.stringify('搜索'.repeat(500))});`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qingdan-static-gzip-'));
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'x.pf_index'), Buffer.from([31, 139, 8, 0, 1, 2, 3]));
    server = await startStaticServer(dir, { gzip: true });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Status, headers and the body's bytes as sent (fetch would decompress them). */
  const raw = (path: string, encoding?: string) =>
    new Promise<{ headers: Record<string, unknown>; bytes: number }>((ok, fail) => {
      get(`${server.origin}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => ok({ headers: res.headers, bytes }));
      }).on('error', fail);
    });

  it('gzips text for a client that accepts it, and says so', async () => {
    const res = await raw('/app.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.bytes).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(await (await fetch(`${server.origin}/app.js`)).text()).toBe(script);
  });

  it('sends text as it is to a client that does not accept gzip, and binary files always as they are', async () => {
    const plain = await raw('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes).toBe(Buffer.byteLength(script));
    const binary = await raw('/x.pf_index', 'gzip');
    expect(binary.headers['content-encoding']).toBeUndefined();
    expect(binary.bytes).toBe(7);
  });
});

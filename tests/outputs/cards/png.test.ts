// The card PNG encoder (png.mjs): valid chunks, lossless, and on real cards the very pixels resvg's own
// encoder writes, in about as many bytes (10% fewer on the 10,000-task corpus's cards).
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, fontBuffers } from '../../../src/build/fonts.ts';
import { cardsForPortal } from '../../../src/outputs/cards/card-model.ts';
import { encodePng } from '../../../src/outputs/cards/png.mjs';
import { createRenderer } from '../../../src/outputs/cards/render-core.mjs';
import { renderCard, rendererOptions, templateContext } from '../../../src/outputs/cards/render.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardTree } from '../../../src/outputs/cards/template.ts';
import { extremeCounts, longTask, makePortal, site } from './helpers.ts';

const isOpaque = (rgba: Uint8Array) => rgba.every((v, i) => i % 4 !== 3 || v === 255);

/** A PNG reader for 8-bit RGBA, every row filter included: checks each chunk's CRC and returns the pixels. */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]], 'bit depth, RGBA, not interlaced').toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  expect(at).toBe(png.length);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    if (filter > 4) throw new Error(`row ${y}: filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      rgba[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

describe('encodePng', () => {
  it('writes valid chunks that decode to the same pixels', () => {
    const width = 7;
    const height = 5;
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = i % 4 === 3 ? 255 : (i * 37) % 256;
    const out = decode(encodePng(rgba, width, height));
    expect(out).toEqual({ width, height, rgba });
  });

  it('refuses pixels that do not fill the size given', () => {
    expect(() => encodePng(Buffer.alloc(10), 2, 2)).toThrow(/10 bytes for 2×2 RGBA/);
  });

  it('encodes one image after another, and images of other sizes, each with its own pixels', () => {
    const image = (width: number, height: number, seed: number) =>
      Buffer.from(Array.from({ length: width * height * 4 }, (_, i) => (i % 4 === 3 ? 255 : (i * seed) % 256)));
    const images = [image(7, 5, 37), image(7, 5, 11), image(3, 9, 5), image(7, 5, 37)];
    const pngs = images.map((rgba, i) => encodePng(rgba, i === 2 ? 3 : 7, i === 2 ? 9 : 5));
    pngs.forEach((png, i) => expect(decode(png).rgba, `image ${i}`).toEqual(images[i]));
    expect(pngs[3]).toEqual(pngs[0]);
  });
});

describe('cards', () => {
  const fonts = [400, 700].map((weight) => ({ name: FONT_FAMILY, data: fontBuffers()[weight as 400 | 700], weight, style: 'normal' }));
  const specs = [...cardsForPortal(makePortal(), site).slice(0, 3), longTask(), extremeCounts()];

  it('are opaque and have the pixels resvg’s own encoder writes, in at most 10% more bytes', async () => {
    for (const spec of specs) {
      const svg = await satori(cardTree(spec, templateContext()) as never, {
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        fonts: fonts as never,
      });
      const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
      expect(isOpaque(image.pixels), spec.pagePath).toBe(true);
      const theirs = image.asPng();
      const ours = await renderCard(spec);
      expect(decode(ours), spec.pagePath).toEqual(decode(theirs));
      expect(ours.length, spec.pagePath).toBeLessThan(theirs.length * 1.1);
    }
  }, 60_000);

  it('are opaque even where a drawing leaves the ground bare: it is laid on paper', async () => {
    const render = createRenderer({ ...rendererOptions(), width: 40, height: 20 });
    const bare = { type: 'div', props: { style: { display: 'flex', width: 40, height: 20 }, children: [] } };
    const { rgba } = decode(await render(bare));
    expect(isOpaque(rgba)).toBe(true);
    expect([...rgba.subarray(0, 8)]).toEqual([255, 255, 255, 255, 255, 255, 255, 255]);
  });
});

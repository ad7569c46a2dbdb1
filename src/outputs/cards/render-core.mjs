// satori → resvg, shared by the in-process renderer (render.ts) and the worker threads (worker.mjs).
// Plain JavaScript on purpose: worker threads load it with Node directly, outside Vite/Astro.
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng, isOpaque } from './png.mjs';

/**
 * @param {{ family: string, fonts: { weight: 400 | 700, data: Uint8Array }[], width: number, height: number }} options
 * @returns {(tree: unknown) => Promise<Buffer>}
 */
export function createRenderer({ family, fonts, width, height }) {
  // One array for every call: satori caches the parsed fonts per array, which is what makes warm renders fast.
  const satoriFonts = fonts.map((f) => ({ name: family, data: f.data, weight: f.weight, style: 'normal' }));
  return async (tree) => {
    // satori draws glyphs as paths, so resvg needs no fonts; skipping system fonts saves a directory scan.
    const svg = await satori(/** @type {any} */ (tree), { width, height, fonts: /** @type {any} */ (satoriFonts) });
    const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
    // resvg draws premultiplied pixels; on an opaque card (the template paints a background) they are the
    // PNG's straight ones. Anything else goes through resvg's own, slower encoder.
    const pixels = image.pixels;
    return isOpaque(pixels) ? encodePng(pixels, image.width, image.height) : image.asPng();
  };
}

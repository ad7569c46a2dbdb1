// satori → resvg, shared by the in-process renderer (render.ts) and the worker threads (worker.mjs).
// Plain JavaScript on purpose: worker threads load it with Node directly, outside Vite/Astro.
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng } from './png.mjs';

/**
 * @param {import('./render-core.d.mts').RendererOptions} options
 * @returns {(tree: unknown) => Promise<Buffer>}
 */
export function createRenderer({ family, fonts, width, height, background }) {
  // One array for every call: satori caches the parsed fonts per array, which is what makes warm renders fast.
  const satoriFonts = fonts.map((f) => ({ name: family, data: f.data, weight: f.weight, style: 'normal' }));
  return async (tree) => {
    // satori draws glyphs as paths, so resvg needs no fonts; skipping system fonts saves a directory scan.
    const svg = await satori(/** @type {any} */ (tree), { width, height, fonts: /** @type {any} */ (satoriFonts) });
    // resvg draws premultiplied pixels; over an opaque ground every pixel is opaque, so they are the
    // straight ones a PNG holds. The template paints the same ground, so the pixels are those it draws.
    const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background }).render();
    return encodePng(image.pixels, image.width, image.height);
  };
}

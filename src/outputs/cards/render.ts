// Rendering one card in this thread: spec → element tree (template.ts) → satori → resvg → PNG.
// The build renders through worker threads (pool.ts) with the same render-core; this is for tests,
// previews and small runs.
import { createHash } from 'node:crypto';
import { hashFilesBeside } from '../../build/code-hash.ts';
import { createRequire } from 'node:module';
import { FONT_FAMILY, fontBuffers, fontVersion } from '../../build/fonts.ts';
import type { CardSpec } from './card-model.ts';
import { parseFontMetrics } from '../../build/font-metrics.ts';
import { createRenderer } from './render-core.mjs';
import { palette } from './status-palette.ts';
import { CARD_HEIGHT, CARD_WIDTH, PAPER, TEMPLATE_REVISION, cardTree, type Element, type TemplateContext } from './template.ts';
import { measureWith } from './text-layout.ts';

let context: TemplateContext | null = null;

/** Measures from the very fonts satori draws with, and the status palette. */
export function templateContext(): TemplateContext {
  if (!context) {
    const fonts = fontBuffers();
    context = {
      measure: { regular: measureWith(parseFontMetrics(fonts[400])), bold: measureWith(parseFontMetrics(fonts[700])) },
      palette,
      fontFamily: FONT_FAMILY,
    };
  }
  return context;
}

/** What a worker needs to draw: the font bytes, once. */
export function rendererOptions() {
  const fonts = fontBuffers();
  return {
    family: FONT_FAMILY,
    fonts: [
      { weight: 400 as const, data: fonts[400] },
      { weight: 700 as const, data: fonts[700] },
    ],
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    background: PAPER,
  };
}

export function buildTree(spec: CardSpec): Element {
  return cardTree(spec, templateContext());
}

let renderer: ((tree: unknown) => Promise<Buffer>) | null = null;

/** One card as a 1200×630 PNG. */
export async function renderCard(spec: CardSpec): Promise<Buffer> {
  renderer ??= createRenderer(rendererOptions());
  return renderer(buildTree(spec));
}

/** The code that draws a card, relative to this module: hashing it means an edited template never reuses stale cards (the palette is hashed as data). */
export const LOOK_FILES = ['template.ts', 'text-layout.ts', 'render-core.mjs', 'png.mjs', '../../build/font-metrics.ts'];

let templateHash: string | null = null;

/** Version of everything but the spec and fonts that shapes a card: template code, palette, satori and resvg. */
export function templateVersion(): string {
  if (templateHash) return templateHash;
  const hash = createHash('sha256').update(`revision ${TEMPLATE_REVISION}\n`).update(JSON.stringify(palette));
  hashFilesBeside(hash, import.meta.url, LOOK_FILES); // bundled without sources: bump TEMPLATE_REVISION by hand
  const require = createRequire(import.meta.url);
  for (const pkg of ['satori', '@resvg/resvg-js']) {
    try {
      hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
    } catch {
      hash.update(`${pkg}@unknown`);
    }
  }
  templateHash = hash.digest('hex').slice(0, 16);
  return templateHash;
}

export { fontVersion };

// Fonts shared by the social cards (satori) and the PDF reports (typst).
// They come from an npm package so the build never downloads anything; licence: src/outputs/FONTS.md.
// Static TTFs only: satori reads TTF/OTF/WOFF but not WOFF2, TTC or variable fonts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'Noto Sans SC';
export const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

export type FontWeight = 400 | 700;

function packageDir(): string {
  // The package has no "exports" map, so its package.json resolves from here and from the project root.
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
}

let paths: Record<FontWeight, string> | null = null;

/** Absolute paths of the static NotoSansSC TTFs: 400 Regular and 700 Bold. */
export function fontPaths(): Record<FontWeight, string> {
  if (!paths) {
    const dir = packageDir();
    paths = {
      400: join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'),
      700: join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'),
    };
  }
  return paths;
}

let buffers: Record<FontWeight, Buffer> | null = null;

/** The font files' bytes, read once (about 10 MB each). */
export function fontBuffers(): Record<FontWeight, Buffer> {
  if (!buffers) {
    const p = fontPaths();
    buffers = { 400: readFileSync(p[400]), 700: readFileSync(p[700]) };
  }
  return buffers;
}

let version: string | null = null;

/** A hash of the font files: anything rendered with them is stale when it changes. */
export function fontVersion(): string {
  if (!version) {
    const hash = createHash('sha256');
    const b = fontBuffers();
    for (const weight of [400, 700] as const) hash.update(String(weight)).update(b[weight]);
    version = hash.digest('hex').slice(0, 16);
  }
  return version;
}

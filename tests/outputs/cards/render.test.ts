// Rendering a card (render.ts): a real PNG, and a template version that follows the look.
import { describe, expect, it } from 'vitest';
import { cardsForPortal } from '../../../src/outputs/cards/card-model.ts';
import { renderCard, templateVersion } from '../../../src/outputs/cards/render.ts';
import { isPng, makePortal, site } from './helpers.ts';

describe('render', () => {
  it('writes a real 1200×630 PNG', async () => {
    const png = await renderCard(cardsForPortal(makePortal(), site)[0]);
    expect(isPng(png)).toEqual({ width: 1200, height: 630 });
  }, 30_000);
});

describe('cache', () => {
  it('template version covers the look files and the palette', () => {
    expect(templateVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});

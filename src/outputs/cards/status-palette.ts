// Status colours for the cards: the site's one palette (src/portal/palette.ts), so a
// status looks the same on a page, in a report and on its card.
export { palette, type StatusSwatch } from '../../portal/palette.ts';

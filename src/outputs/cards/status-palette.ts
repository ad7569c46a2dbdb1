// Status colours for the cards: the site's one palette (src/components/status-colors.ts), so a
// status looks the same on a page, in a report and on its card.
export { palette, type StatusSwatch } from '../../components/status-colors.ts';

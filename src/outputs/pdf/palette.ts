// The status colours of the reports: the site's one palette, so a status looks the same on screen and on paper.
export { palette } from '../../portal/palette';

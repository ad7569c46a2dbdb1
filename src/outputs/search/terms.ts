// Extra index terms where Pagefind's Chinese segmentation and a citizen's query disagree.
// Filled in from measurements (tests/e2e/search.test.ts), not guesses.
export function extraTerms(_body: string, _unitNames: string[]): string[] {
  return [];
}

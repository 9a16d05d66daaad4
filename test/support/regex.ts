/** Group `n` of a match, or undefined where an optional group took no part (TypeScript types every group a string). */
export function matchGroup(match: RegExpMatchArray, n: number): string | undefined {
  return match[n];
}

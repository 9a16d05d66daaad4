const range = (n: number, letters: string) => Array.from(letters, (l) => `${n}${l}`);

/**
 * CIN census factors identified at the end of assessment, valid for 2022–23 (DfE CIN validator, rule 8897Q;
 * docs/domain.md, "The case systems' own codes"). 12A is Trafficking. Labels other than 12A are not verified, so only codes are held.
 */
export const ASSESSMENT_FACTORS: readonly string[] = [
  ...range(1, 'ABC'),
  ...range(2, 'ABC'),
  ...range(3, 'ABC'),
  ...range(4, 'ABC'),
  ...range(5, 'ABC'),
  ...range(6, 'ABC'),
  '7A',
  ...range(8, 'BCDEF'),
  '9A',
  ...[10, 11, 12, 13, 14, 15, 16, 17].map((n) => `${n}A`),
  ...range(18, 'ABC'),
  ...range(19, 'ABC'),
  '20',
  '21',
  '22A',
  '23A',
  '24A',
];

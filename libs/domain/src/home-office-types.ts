import type { ExploitationType } from './referral';

/**
 * The Home Office NRM form's detailed types of exploitation, by the form's own names (its question
 * "types-of-exploitation", fields `types-of-exploitation-<name>`). The form asks these; the published NRM
 * statistics count the coarser types of `exploitation.types`.
 */
export const HOME_OFFICE_EXPLOITATION_TYPES = [
  'forced-to-work',
  'wages-taken',
  'forced-to-commit-fraud',
  'prostitution',
  'child-exploitation',
  'taken-somewhere',
  'forced-to-commit-crime',
  'organs-removed',
  'unpaid-household-work',
  'other',
] as const;
export type HomeOfficeExploitationType = (typeof HOME_OFFICE_EXPLOITATION_TYPES)[number];

/**
 * The one table from the form's detailed types to the statistics types (documented in docs/home-office-form.md).
 * Forced work, wages taken and forced fraud are labour exploitation; prostitution, child sexual exploitation and
 * being taken somewhere, held and sexually assaulted are sexual exploitation; forced crime (county lines included)
 * is criminal exploitation; unpaid household work is domestic servitude.
 */
export const STATISTICS_TYPE_OF_HOME_OFFICE_TYPE: Readonly<Record<HomeOfficeExploitationType, ExploitationType>> = {
  'forced-to-work': 'labour',
  'wages-taken': 'labour',
  'forced-to-commit-fraud': 'labour',
  prostitution: 'sexual',
  'child-exploitation': 'sexual',
  'taken-somewhere': 'sexual',
  'forced-to-commit-crime': 'criminal',
  'organs-removed': 'organ_harvesting',
  'unpaid-household-work': 'domestic_servitude',
  other: 'other',
};

/** Each detailed type in words a caseworker reads, shortened from the form's own checkbox labels. */
export const HOME_OFFICE_TYPE_LABELS: Readonly<Record<HomeOfficeExploitationType, string>> = {
  'forced-to-work': 'Forced to work for nothing or almost nothing',
  'wages-taken': 'Wages taken',
  'forced-to-commit-fraud': 'Forced to commit fraud',
  prostitution: 'Forced into prostitution',
  'child-exploitation': 'Child sexual exploitation',
  'taken-somewhere': 'Taken somewhere, held and sexually assaulted',
  'forced-to-commit-crime': 'Forced to commit crime',
  'organs-removed': 'Organs removed',
  'unpaid-household-work': 'Forced to do unpaid household work',
  other: 'Other',
};

export function isHomeOfficeExploitationType(value: unknown): value is HomeOfficeExploitationType {
  return typeof value === 'string' && (HOME_OFFICE_EXPLOITATION_TYPES as readonly string[]).includes(value);
}

/** The statistics types that follow from the form's detailed types, each once, in the order of the statistics list. */
export function statisticsTypesOf(homeOfficeTypes: readonly unknown[]): ExploitationType[] {
  const types = new Set<ExploitationType>();
  for (const type of homeOfficeTypes) if (isHomeOfficeExploitationType(type)) types.add(STATISTICS_TYPE_OF_HOME_OFFICE_TYPE[type]);
  const order: readonly ExploitationType[] = ['labour', 'sexual', 'criminal', 'domestic_servitude', 'organ_harvesting', 'other'];
  return order.filter((t) => types.has(t));
}

/** The statistics types of an exploitation as recorded: its `types` when given, else those its detailed types imply. */
export function effectiveExploitationTypes(exploitation: { types?: readonly unknown[]; homeOfficeTypes?: readonly unknown[] } | undefined): string[] {
  if (Array.isArray(exploitation?.types) && exploitation.types.length) return exploitation.types.filter((t): t is string => typeof t === 'string');
  return Array.isArray(exploitation?.homeOfficeTypes) ? statisticsTypesOf(exploitation.homeOfficeTypes) : [];
}

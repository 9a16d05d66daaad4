import { AGE_GROUP_LABELS } from './age-group';
import { EXPLOITATION_NOT_SPECIFIED, EXPLOITATION_TYPE_LABELS, STATISTICS_EXPLOITATION_TYPES } from './exploitation-type';
import {
  CASE_SYSTEM_LABELS,
  DECISION_OUTCOME_LABELS,
  FIRST_RESPONDER_TYPE_LABELS,
  GENDER_LABELS,
  KIND_LABELS,
  KIND_NOT_RECORDED,
  LOCATION_LABELS,
  SOURCE_LABELS,
  SUBMISSION_LABELS,
  COUNTY_LINES_LABELS,
} from './labels';
import { TableInvariantError } from './statistics.errors';

/** The label of a row, column or grand total. No category may use it. */
export const TOTAL_LABEL = 'Total';

/** What a breakdown is broken down by, and the categories it shows in which order. */
export interface Dimension {
  readonly name: string;
  readonly title: string;
  /** Shown in every breakdown, in this order, with 0 when no one falls in them. */
  readonly categories: readonly string[];
  /** Whether a label outside `categories` may appear (a nationality, a combination of exploitation types). */
  readonly accepts: (label: string) => boolean;
  /** The canonical order of any two labels the dimension accepts. */
  readonly compare: (a: string, b: string) => number;
}

/** A dimension with a fixed list of categories, shown in the order given (e.g. the quarters of a period). */
export function categoricalDimension(name: string, title: string, categories: readonly string[]): Dimension {
  if (new Set(categories).size !== categories.length) {
    throw new TableInvariantError('duplicate_category', `${name} lists a category twice`);
  }
  if (categories.includes(TOTAL_LABEL)) {
    throw new TableInvariantError('duplicate_category', `${name} may not have a category "${TOTAL_LABEL}"`);
  }
  const rank = new Map(categories.map((label, index) => [label, index]));
  return {
    name,
    title,
    categories,
    accepts: () => false,
    compare: (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity),
  };
}

const EXPLOITATION_RANK = new Map(EXPLOITATION_TYPE_LABELS.map((label, index) => [label, index]));

// Single types and "Not specified or unknown" always show, as in the Home Office first-responder tables;
// a combination shows only when someone falls in it, or 26 empty rows would bury the table.
const exploitationType: Dimension = {
  name: 'exploitationType',
  title: 'Exploitation type',
  categories: [...STATISTICS_EXPLOITATION_TYPES, EXPLOITATION_NOT_SPECIFIED],
  accepts: (label) => EXPLOITATION_RANK.has(label),
  compare: (a, b) => (EXPLOITATION_RANK.get(a) ?? Infinity) - (EXPLOITATION_RANK.get(b) ?? Infinity),
};

// Nationalities follow the Home Office tables: one column per nationality that occurs, alphabetical; a stated
// unknown goes last, where a reader looks for it.
const nationality: Dimension = {
  name: 'nationality',
  title: 'Nationality',
  categories: [],
  accepts: (label) => label.length > 0 && label !== TOTAL_LABEL,
  compare: (a, b) => Number(a === 'Unknown') - Number(b === 'Unknown') || a.localeCompare(b, 'en'),
};

const KIND_RANK = new Map<string, number>([...KIND_LABELS, KIND_NOT_RECORDED].map((label, index) => [label, index]));

// The Home Office's two kinds always show; a direct entry's unrecorded kind only when there is one.
const kind: Dimension = {
  name: 'kind',
  title: 'Referral or notification',
  categories: KIND_LABELS,
  accepts: (label) => label === KIND_NOT_RECORDED,
  compare: (a, b) => (KIND_RANK.get(a) ?? Infinity) - (KIND_RANK.get(b) ?? Infinity),
};

export const DIMENSIONS = {
  kind,
  ageGroup: categoricalDimension('ageGroup', 'Age at exploitation', AGE_GROUP_LABELS),
  gender: categoricalDimension('gender', 'Gender', GENDER_LABELS),
  nationality,
  exploitationType,
  firstResponderType: categoricalDimension('firstResponderType', 'First responder organisation type', FIRST_RESPONDER_TYPE_LABELS),
  location: categoricalDimension('location', 'Location of exploitation', LOCATION_LABELS),
  caseSystem: categoricalDimension('caseSystem', 'Case system', CASE_SYSTEM_LABELS),
  source: categoricalDimension('source', 'Where the referral was recorded', SOURCE_LABELS),
  submission: categoricalDimension('submission', 'Home Office submission', SUBMISSION_LABELS),
  countyLines: categoricalDimension('countyLines', 'County lines', COUNTY_LINES_LABELS),
  decisionOutcome: categoricalDimension('decisionOutcome', 'Outcome', DECISION_OUTCOME_LABELS),
} as const satisfies Record<string, Dimension>;

export type DimensionName = keyof typeof DIMENSIONS;

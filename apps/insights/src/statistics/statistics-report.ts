import type { StatisticsPopulation } from '@app/domain';
import type { Period } from '@app/statistics';
import type { Count, Figures } from './figures';
import type { TransitionFigures } from './transition-figures';

/** The counting rules every figure follows, stated with the figures so a reader never has to guess them. */
export const COUNTING_RULES: readonly string[] = [
  'A referral is an NRM referral or a Duty to Notify notification, counted by its referral date (UK time).',
  'Every modern-slavery record the council holds is counted: referrals logged in Referral Hub, concerns recorded directly in AIS in the "Modern Slavery" category and contacts recorded directly in LCS with factor 12A (Trafficking). The record a Referral Hub referral became in a case system is that referral, never a second one.',
  'One referral recorded twice is counted once: two records with the same Home Office reference, or records of the same person from different sources within the configured window (30 days unless set otherwise) without different Home Office references. The safeguarding lead can split or join them.',
  'A referral is "submitted" once its submission to the Home Office is recorded (or, recorded directly in a case system, once it carries the Home Office reference), and "logged" until then.',
  'An individual is a person in the person index, counted once in the period however many referrals they have and whichever case systems hold their records; merged persons count once.',
  'An anonymous Duty to Notify notification is counted as a notification, never as an individual.',
  'A referral not yet linked to a person counts as an individual of its own until it is linked.',
  'A move of a case between LCS and AIS (adult services accepting a young person, an age assessment either way) is neither a new referral nor a new individual.',
  'The case-system breakdown counts each referral in the system it was recorded in when it was made, so a later move does not change a past period.',
  'Transitions are their own table: children whose 18th birthday (by the best date of birth known) fell in the period while their episode was open, by the NRM decision at 18, and what was recorded for them since; and moves of cases between the systems by the day they took effect.',
  "An individual is shown in each breakdown by their earliest referral in the period (the earliest in the quarter, for a quarter's figure).",
  'Age is the age at exploitation, as in the Home Office tables; it does not change when a case moves to adult services.',
  'Decisions are counted in the period they were made, by the age at exploitation of the referral they were made on.',
];

export interface PeriodView {
  readonly code: string;
  readonly kind: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** Figures for a period and population, exact (safeguarding lead) or disclosure-controlled (boards). */
export interface StatisticsReport<C extends Count> extends Figures<C> {
  readonly period: PeriodView;
  readonly population: { readonly code: StatisticsPopulation; readonly label: string };
  /** Only NRM referrals, or only Duty to Notify notifications (exact figures only); null for both. */
  readonly kind: 'nrm' | 'dtn' | null;
  /** Everything recorded before this instant is included, nothing after. */
  readonly dataCutOff: string;
  readonly figuresAre: 'exact' | 'disclosure_controlled';
  readonly disclosureRule: string | null;
  readonly countingRules: readonly string[];
  /** Turning 18 and moves between the systems; null in a board's quarter (see TransitionFiguresService). */
  readonly transitions: TransitionFigures<C> | null;
}

export function periodView(period: Period): PeriodView {
  return { code: period.code, kind: period.kind, label: period.label, from: period.from, to: period.to };
}

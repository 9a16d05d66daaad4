import { Injectable } from '@nestjs/common';
import { AdulthoodRepository } from '@app/database';
import { countTransitions, ukDateOn, type TransitionCounts } from '@app/domain';
import {
  buildBreakdown,
  categoricalDimension,
  publishCount,
  suppressBreakdown,
  type Breakdown,
  type Period,
  type PublishedBreakdown,
  type PublishedCount,
} from '@app/statistics';

/** The NRM side of turning 18, for those who turned 18 with an open episode (docs/transitions.md). */
export const NRM_AT_EIGHTEEN = categoricalDimension('nrmAtEighteen', 'The NRM at 18', [
  'Consented to stay in the NRM',
  'Withdrew from the NRM',
  'No decision needed',
  'Not yet recorded',
]);

const MOVE_LABELS: Readonly<Record<string, string>> = {
  adult_services_accepted: 'Adult services accepted',
  adult_safeguarding_concern: 'Adult safeguarding concern',
  age_assessment_adult: 'Age assessment found an adult',
  age_assessment_child: 'Age assessment found a child',
  eighteenth_birthday: '18th birthday (before decisions were recorded)',
};

/** Moves of a case between LCS and AIS that took effect in the period, by why. */
export const CASE_MOVES = categoricalDimension('caseMoves', "Moves between children's and adults' services", Object.values(MOVE_LABELS));

/**
 * Transitions as their own table: not referrals, not individuals, so they never change the other tables. Exact for
 * the lead; for a board disclosure-controlled (1 to 5 shown as "c", with secondary suppression inside a breakdown).
 */
export interface TransitionFigures<C extends number | PublishedCount> {
  /** Children whose 18th birthday fell in the period while their episode was open; by the NRM side at 18. */
  readonly nrmAtEighteen: C extends number ? Breakdown : PublishedBreakdown;
  /** Of them, as recorded now: */
  readonly referredForAdultSupport: C;
  readonly acceptedByAdultServices: C;
  readonly careLeaversRemaining: C;
  readonly caseMoves: C extends number ? Breakdown : PublishedBreakdown;
}

export function buildTransitionFigures(counts: TransitionCounts, moves: ReadonlyArray<{ reason: string; moves: number }>): TransitionFigures<number> {
  return {
    nrmAtEighteen: buildBreakdown(
      NRM_AT_EIGHTEEN,
      [
        { label: 'Consented to stay in the NRM', count: counts.consentedToStay },
        { label: 'Withdrew from the NRM', count: counts.withdrew },
        { label: 'No decision needed', count: counts.noDecisionNeeded },
        { label: 'Not yet recorded', count: counts.notYetRecorded },
      ],
      counts.turnedEighteen,
    ),
    referredForAdultSupport: counts.referredForAdultSupport,
    acceptedByAdultServices: counts.acceptedByAdultServices,
    careLeaversRemaining: counts.careLeaversRemaining,
    caseMoves: buildBreakdown(
      CASE_MOVES,
      moves.map((m) => ({ label: MOVE_LABELS[m.reason] ?? m.reason, count: m.moves })),
    ),
  };
}

/**
 * For a board. The three counts "of them" relate to no published cell, so each is protected on its own; each
 * breakdown is protected with its total.
 */
export function publishTransitionFigures(exact: TransitionFigures<number>): TransitionFigures<PublishedCount> {
  return {
    nrmAtEighteen: suppressBreakdown(exact.nrmAtEighteen).published,
    referredForAdultSupport: publishCount(exact.referredForAdultSupport),
    acceptedByAdultServices: publishCount(exact.acceptedByAdultServices),
    careLeaversRemaining: publishCount(exact.careLeaversRemaining),
    caseMoves: suppressBreakdown(exact.caseMoves).published,
  };
}

@Injectable()
export class TransitionFiguresService {
  constructor(private readonly adulthood: AdulthoodRepository) {}

  /** As of `today` (a UK date): an 18th birthday later in the period has not happened yet and is not counted. */
  async exact(period: Pick<Period, 'from' | 'to'>, today = ukDateOn()): Promise<TransitionFigures<number>> {
    const to = period.to < today ? period.to : today;
    const [cohort, moves] = await Promise.all([this.adulthood.transitionCohort(), this.adulthood.movesByReason(period.from, to)]);
    return buildTransitionFigures(period.from <= to ? countTransitions(cohort, period.from, to) : countTransitions([], period.from, period.to), moves);
  }

  /**
   * A board's transition figures: for a financial year only. A year is its quarters added up, and these tables are
   * not yet protected jointly with the year's quarters, so a quarter's board figures carry none (null) and a "c"
   * of a quarter cannot be worked out from the year.
   */
  async published(period: Period): Promise<TransitionFigures<PublishedCount> | null> {
    return period.kind === 'financial_year' ? publishTransitionFigures(await this.exact(period)) : null;
  }
}

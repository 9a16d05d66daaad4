import { Injectable } from '@nestjs/common';
import { NrmCaseStatisticsRepository, NrmWorklistRepository, type MedianDays } from '@app/database';
import { countByMonthsWaiting, monthsBetween, nrmCase } from '@app/domain';
import type { Period } from '@app/statistics';

export interface NrmCaseStatistics {
  period: { code: string; label: string; from: string; to: string };
  /** Exact figures for the safeguarding lead; not for boards (no disclosure control is applied). */
  figuresAre: 'exact';
  /** First reasonable grounds decisions made in the period: median days since the referral. */
  referralToReasonableGrounds: MedianDays;
  /** First conclusive grounds decisions made in the period: median days since the positive RG in effect. */
  reasonableToConclusiveGrounds: MedianDays;
  /** Cases waiting on the last day of the period, by whole months waiting. */
  waitingOnLastDay: {
    reasonableGrounds: { total: number; byMonthsWaiting: Array<{ label: string; count: number }> };
    conclusiveGrounds: { total: number; byMonthsWaiting: Array<{ label: string; count: number }> };
  };
  /** Referrals to support services made in the period. */
  supportReferrals: { total: number; byService: Array<{ service: string; referrals: number }> };
}

/** How long NRM decisions take, how long cases wait, and the support referrals made: the lead's exact figures. */
@Injectable()
export class NrmCaseStatisticsService {
  constructor(
    private readonly figures: NrmCaseStatisticsRepository,
    private readonly cases: NrmWorklistRepository,
  ) {}

  async read(period: Pick<Period, 'code' | 'label' | 'from' | 'to'>): Promise<NrmCaseStatistics> {
    const { from, to } = period;
    const [rg, cg, awaitingRg, open, support] = await Promise.all([
      this.figures.referralToReasonableGrounds(from, to),
      this.figures.reasonableToConclusiveGrounds(from, to),
      this.figures.monthsAwaitingReasonableGrounds(to),
      this.cases.openCasesWith(['reasonable_grounds']),
      this.figures.supportReferrals(from, to),
    ]);
    // The case as it stood on the last day: only the decisions made by then.
    const awaitingCg = open.flatMap((row) => {
      const known = row.decisions.filter((d) => d.decidedOn <= to);
      if (nrmCase('nrm', known).status !== 'awaiting_conclusive_grounds') return [];
      const rgs = known.filter((d) => d.type === 'reasonable_grounds');
      return [monthsBetween(rgs[rgs.length - 1].decidedOn, to)];
    });
    return {
      period: { code: period.code, label: period.label, from, to },
      figuresAre: 'exact',
      referralToReasonableGrounds: rg,
      reasonableToConclusiveGrounds: cg,
      waitingOnLastDay: {
        reasonableGrounds: { total: awaitingRg.length, byMonthsWaiting: countByMonthsWaiting(awaitingRg) },
        conclusiveGrounds: { total: awaitingCg.length, byMonthsWaiting: countByMonthsWaiting(awaitingCg) },
      },
      supportReferrals: { total: support.reduce((n, s) => n + s.referrals, 0), byService: support },
    };
  }
}

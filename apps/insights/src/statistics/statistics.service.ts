import { Injectable, Logger } from '@nestjs/common';
import { BoardReportRepository, StatisticsRepository } from '@app/database';
import type { StatisticsPopulation } from '@app/domain';
import { type Period, type PublishedCount, TableInvariantError, periodsOf, publicationSetOf } from '@app/statistics';
import { DisclosureSummary, DISCLOSURE_RULE, FiguresByPopulation, publishFigureSet } from './disclosure';
import { buildFigures, type Figures } from './figures';
import { AUDIENCE_CODES, AUDIENCES, POPULATION_LABELS, POPULATIONS } from './population';
import { COUNTING_RULES, periodView, StatisticsReport } from './statistics-report';
import { TransitionFiguresService, type TransitionFigures } from './transition-figures';

export interface PublishedReport {
  readonly report: StatisticsReport<PublishedCount>;
  readonly disclosure: DisclosureSummary;
}

interface PopulationReading {
  readonly figures: Figures<number>;
  readonly dataCutOff: Date;
}

// Each population is read in a snapshot of its own; a write landing between them (a late referral, a merge) can
// make them disagree, and then they are read again.
const READ_ATTEMPTS = 3;

/** Statistics of a period: read in a few SQL passes over one snapshot, labelled and built by @app/statistics. */
@Injectable()
export class StatisticsService {
  private readonly logger = new Logger(StatisticsService.name);

  constructor(
    private readonly repository: StatisticsRepository,
    private readonly transitions: TransitionFiguresService,
    private readonly boardReports: BoardReportRepository,
  ) {}

  /** The safeguarding lead's internal view: exact counts. */
  async exact(period: Period, population: StatisticsPopulation, kind: 'nrm' | 'dtn' | null = null): Promise<StatisticsReport<number>> {
    const [{ figures, dataCutOff }, transitions] = await Promise.all([this.read(period, population, kind), this.transitions.exact(period)]);
    return this.report(period, population, dataCutOff, figures, transitions, 'exact', kind);
  }

  /**
   * What may leave for a board: every count disclosure-controlled, and audited before it is returned. Only a
   * published period (a calendar quarter or a financial year) has published figures; anything else is an
   * `UnpublishedPeriodError`. The figures are those of the joint protection of the period's whole publication set
   * (its financial year and that year's quarters, every population of each; see `publishedForEveryPopulation`), so
   * whoever asks for which of them, no "c" can be worked out from the others.
   */
  async published(period: Period, population: StatisticsPopulation): Promise<PublishedReport> {
    return (await this.publishedForEveryPopulation(period))[population];
  }

  /**
   * Every population's disclosure-controlled figures of a published period, from one joint suppression of every
   * population of every period of its publication set: adults + children = all cell by cell, and a year's figures
   * are its quarters' added up, so protected one by one a "c" could be worked out from the others. Where the
   * boards' reports of the period have a standing published revision, the figures are also protected together with
   * it, for a reader holding both (so `GET /v1/statistics` and a new revision agree with what the boards hold).
   */
  async publishedForEveryPopulation(period: Period): Promise<Record<StatisticsPopulation, PublishedReport>> {
    const set = publicationSetOf(period);
    const earlier = await this.standingPublished(period);
    const periods = periodsOf(set);
    for (let attempt = 1; ; attempt++) {
      const [readings, transitions] = await Promise.all([
        Promise.all(periods.flatMap((p) => POPULATIONS.map((population) => this.read(p, population)))),
        this.transitions.published(period),
      ]);
      const reading = (p: number, population: StatisticsPopulation): PopulationReading => readings[p * POPULATIONS.length + POPULATIONS.indexOf(population)];
      const exact = Object.fromEntries(
        periods.map((p, i) => [p.code, Object.fromEntries(POPULATIONS.map((population) => [population, reading(i, population).figures]))]),
      ) as Record<string, FiguresByPopulation<number>>;
      try {
        const published = publishFigureSet(
          { whole: set.financialYear.code, parts: set.quarters.map((q) => q.code) },
          exact,
          earlier && { period: period.code, figures: earlier },
        )[period.code];
        const index = periods.findIndex((p) => p.code === period.code);
        return Object.fromEntries(
          POPULATIONS.map((population) => {
            const { figures, disclosure } = published[population];
            const report = this.report(period, population, reading(index, population).dataCutOff, figures, transitions, 'disclosure_controlled');
            return [population, { report, disclosure }];
          }),
        ) as Record<StatisticsPopulation, PublishedReport>;
      } catch (error) {
        if (!(error instanceof TableInvariantError && error.problem === 'populations_disagree') || attempt >= READ_ATTEMPTS) throw error;
        this.logger.warn({ period: period.code, attempt }, 'periods or populations read in separate snapshots disagree (a write in between); reading again');
      }
    }
  }

  /**
   * The period's figures as its standing published board reports show them, by population, when every board has
   * one. The boards' reports of a period are generated together, so these come from one joint protection.
   */
  private async standingPublished(period: Period): Promise<FiguresByPopulation<PublishedCount> | undefined> {
    const standing = await Promise.all(AUDIENCE_CODES.map((audience) => this.boardReports.latest(audience, period.code, 'published')));
    const figures: Partial<Record<StatisticsPopulation, Figures<PublishedCount>>> = {};
    for (const [i, report] of standing.entries()) {
      if (report === null) return undefined;
      figures[AUDIENCES[AUDIENCE_CODES[i]].population] = report.content as StatisticsReport<PublishedCount>;
    }
    return figures as FiguresByPopulation<PublishedCount>;
  }

  private async read(period: Period, population: StatisticsPopulation, kind: 'nrm' | 'dtn' | null = null): Promise<PopulationReading> {
    const reading = await this.repository.read({ from: period.from, to: period.to, ...(kind ? { kind } : {}) }, population);
    return { figures: buildFigures(reading, period), dataCutOff: reading.dataCutOff };
  }

  private report<C extends number | PublishedCount>(
    period: Period,
    population: StatisticsPopulation,
    dataCutOff: Date,
    figures: Figures<C>,
    transitions: TransitionFigures<C> | null,
    figuresAre: 'exact' | 'disclosure_controlled',
    kind: 'nrm' | 'dtn' | null = null,
  ): StatisticsReport<C> {
    return {
      period: periodView(period),
      population: { code: population, label: POPULATION_LABELS[population] },
      kind,
      dataCutOff: dataCutOff.toISOString(),
      figuresAre,
      disclosureRule: figuresAre === 'exact' ? null : DISCLOSURE_RULE,
      countingRules: COUNTING_RULES,
      ...figures,
      transitions,
    };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { StatisticsPopulation, StatisticsRepository } from '@app/database';
import { type Period, type PublishedCount, TableInvariantError } from '@app/statistics';
import { DisclosureSummary, DISCLOSURE_RULE, publishFigures } from './disclosure';
import { buildFigures, type Figures } from './figures';
import { POPULATION_LABELS, POPULATIONS } from './population';
import { COUNTING_RULES, periodView, StatisticsReport } from './statistics-report';

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

  constructor(private readonly repository: StatisticsRepository) {}

  /** The safeguarding lead's internal view: exact counts. */
  async exact(period: Period, population: StatisticsPopulation, kind: 'nrm' | 'dtn' | null = null): Promise<StatisticsReport<number>> {
    const { figures, dataCutOff } = await this.read(period, population, kind);
    return this.report(period, population, dataCutOff, figures, 'exact', kind);
  }

  /**
   * What may leave for a board: every count disclosure-controlled, and audited before it is returned. The figures
   * are those of the joint protection of every population of the period (see `publishedForEveryPopulation`), so
   * whoever asks for which population, the same period's figures agree with each other and with the board reports.
   */
  async published(period: Period, population: StatisticsPopulation): Promise<PublishedReport> {
    return (await this.publishedForEveryPopulation(period))[population];
  }

  /**
   * Every population's disclosure-controlled figures of a period from one joint suppression: adults + children =
   * all cell by cell, so protected one by one a "c" of one could be worked out from the other two.
   */
  async publishedForEveryPopulation(period: Period): Promise<Record<StatisticsPopulation, PublishedReport>> {
    for (let attempt = 1; ; attempt++) {
      const readings = await Promise.all(POPULATIONS.map((population) => this.read(period, population)));
      const byPopulation = Object.fromEntries(POPULATIONS.map((population, i) => [population, readings[i]])) as Record<StatisticsPopulation, PopulationReading>;
      try {
        const published = publishFigures({ all: byPopulation.all.figures, adults: byPopulation.adults.figures, children: byPopulation.children.figures });
        return Object.fromEntries(
          POPULATIONS.map((population) => {
            const { figures, disclosure } = published[population];
            const report = this.report(period, population, byPopulation[population].dataCutOff, figures, 'disclosure_controlled');
            return [population, { report, disclosure }];
          }),
        ) as Record<StatisticsPopulation, PublishedReport>;
      } catch (error) {
        if (!(error instanceof TableInvariantError && error.problem === 'populations_disagree') || attempt >= READ_ATTEMPTS) throw error;
        this.logger.warn({ period: period.code, attempt }, 'populations read in separate snapshots disagree (a write in between); reading again');
      }
    }
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
    };
  }
}

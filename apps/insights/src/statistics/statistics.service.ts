import { Injectable } from '@nestjs/common';
import { StatisticsPopulation, StatisticsRepository } from '@app/database';
import type { Period, PublishedCount } from '@app/statistics';
import { DisclosureSummary, DISCLOSURE_RULE, publishFigures } from './disclosure';
import { buildFigures, type Figures } from './figures';
import { POPULATION_LABELS } from './population';
import { COUNTING_RULES, periodView, StatisticsReport } from './statistics-report';

export interface PublishedReport {
  readonly report: StatisticsReport<PublishedCount>;
  readonly disclosure: DisclosureSummary;
}

/** Statistics of a period: read in a few SQL passes over one snapshot, labelled and built by @app/statistics. */
@Injectable()
export class StatisticsService {
  constructor(private readonly repository: StatisticsRepository) {}

  /** The safeguarding lead's internal view: exact counts. */
  async exact(period: Period, population: StatisticsPopulation): Promise<StatisticsReport<number>> {
    const { figures, dataCutOff } = await this.read(period, population);
    return this.report(period, population, dataCutOff, figures, 'exact');
  }

  /** What may leave for a board: every count disclosure-controlled, and audited before it is returned. */
  async published(period: Period, population: StatisticsPopulation): Promise<PublishedReport> {
    const { figures, dataCutOff } = await this.read(period, population);
    const { figures: published, disclosure } = publishFigures(figures);
    return { report: this.report(period, population, dataCutOff, published, 'disclosure_controlled'), disclosure };
  }

  private async read(period: Period, population: StatisticsPopulation): Promise<{ figures: Figures<number>; dataCutOff: Date }> {
    const reading = await this.repository.read({ from: period.from, to: period.to }, population);
    return { figures: buildFigures(reading, period), dataCutOff: reading.dataCutOff };
  }

  private report<C extends number | PublishedCount>(
    period: Period,
    population: StatisticsPopulation,
    dataCutOff: Date,
    figures: Figures<C>,
    figuresAre: 'exact' | 'disclosure_controlled',
  ): StatisticsReport<C> {
    return {
      period: periodView(period),
      population: { code: population, label: POPULATION_LABELS[population] },
      dataCutOff: dataCutOff.toISOString(),
      figuresAre,
      disclosureRule: figuresAre === 'exact' ? null : DISCLOSURE_RULE,
      countingRules: COUNTING_RULES,
      ...figures,
    };
  }
}

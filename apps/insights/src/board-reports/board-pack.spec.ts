import { buildTransitionFigures, publishTransitionFigures } from '../statistics/transition-figures';
import { transitionTables } from './board-pack';

describe(transitionTables.name, () => {
  const exact = buildTransitionFigures(
    { turnedEighteen: 9, consentedToStay: 3, withdrew: 0, noDecisionNeeded: 4, notYetRecorded: 2, referredForAdultSupport: 6, acceptedByAdultServices: 7, careLeaversRemaining: 1 },
    [{ reason: 'eighteenth_birthday', moves: 8 }],
  );

  it('gives the transitions as three tables with definitions, exact in a restricted pack', () => {
    const tables = transitionTables(exact);
    expect(tables.map((t) => t.id)).toEqual(['transitions-nrm-at-18', 'transitions-since', 'transitions-case-moves']);
    expect(tables.every((t) => t.definition.length > 20)).toBe(true);
    expect(tables[0].rows.find((r) => r.label === 'Consented to stay in the NRM')?.values).toEqual([3]);
    expect(tables[0].rows.at(-1)).toEqual({ label: 'Total', values: [9], total: true });
    expect(tables[1].rows.map((r) => r.values[0])).toEqual([6, 7, 1]);
  });

  it('shows what the published figures suppress as "c", and no tables when a report has no transitions', () => {
    const published = transitionTables(publishTransitionFigures(exact));
    expect(published[0].rows.find((r) => r.label === 'Consented to stay in the NRM')?.values).toEqual(['c']);
    expect(published[1].rows.find((r) => r.label === "Care leavers still with children's services")?.values).toEqual(['c']);
    expect(transitionTables(null)).toEqual([]);
  });
});

import { parsePeriod } from '@app/statistics';
import { auditLinkedPopulations, auditTablesSharingTotal, suppressTablesSharingTotal } from '@app/statistics/disclosure.testing';
import { FiguresByPopulation, linkedPopulationsOf, publishFigures } from './disclosure';
import { buildFigures, Figures } from './figures';
import { FullGroup, fullGroup as group, readingOf as reading } from './grouping-sets.testing';
import { thrownBy } from '../../../../test/support/thrown';

/** Exact figures of all, adults and children from the groups of a period (children: under 18 "yes"). */
function byPopulation(groups: readonly FullGroup[], period = '2025-Q2'): FiguresByPopulation<number> {
  const figures = (gs: readonly FullGroup[]): Figures<number> => buildFigures(reading(gs), parsePeriod(period));
  return {
    all: figures(groups),
    adults: figures(groups.filter((g) => g.under18 !== 'yes')),
    children: figures(groups.filter((g) => g.under18 === 'yes')),
  };
}

const child = (overrides: Partial<FullGroup>): FullGroup => group({ under18: 'yes', under18DuringExploitation: null, caseSystem: 'LCS', ...overrides });

describe(publishFigures.name, () => {
  const exact = byPopulation([
    group({ gender: 'male', referrals: 40, individuals: 38, quarterIndividuals: 38 }),
    group({ gender: 'female', referrals: 20, individuals: 20, quarterIndividuals: 20 }),
    group({ gender: 'other', nationality: 'ERI', referrals: 3, individuals: 3, quarterIndividuals: 3 }),
  ]);
  const published = publishFigures(exact);

  it('shows 1 to 5 as "c", zero as 0, and large counts as they are', () => {
    expect(published.all.figures.referrals.breakdowns.gender.cells).toEqual([
      { label: 'Female', count: 'c' },
      { label: 'Male', count: 40 },
      { label: 'Other', count: 'c' },
      { label: 'Not recorded', count: 0 },
    ]);
    expect(published.all.figures.referrals.total).toBe(63);
  });

  it('suppresses a second cell where one "c" could be worked out from the total', () => {
    expect(published.all.disclosure.primary).toBeGreaterThan(0);
    expect(published.all.disclosure.secondary).toBeGreaterThan(0);
  });

  it('publishes tables a reader cannot work any "c" out of, all of a population read together', () => {
    const { breakdowns } = published.all.figures.referrals;
    const audit = auditTablesSharingTotal({
      breakdowns: [
        breakdowns.kind,
        breakdowns.gender,
        breakdowns.nationality,
        breakdowns.exploitationType,
        breakdowns.firstResponderType,
        breakdowns.caseSystem,
      ],
      crossTabs: [published.all.figures.referrals.ageGroupByLocation],
    });
    expect(audit.safe).toBe(true);
  });

  it('shows a population with no children the same as all, and the children as zeros', () => {
    expect(published.adults.figures.referrals).toEqual(published.all.figures.referrals);
    expect(published.children.figures.referrals.total).toBe(0);
    expect(published.children.disclosure).toMatchObject({ primary: 0, secondary: 0 });
  });

  it("shows a single quarter's individuals as the period's individuals", () => {
    expect(published.all.figures.quarters[0].individuals).toBe(published.all.figures.individuals.total);
  });

  it("hides every quarter's individuals when the period's are hidden, even a total suppressed only to protect its cells", () => {
    // Six people of six nationalities: every nationality is a 1, so the total 6 would give them all away.
    const nationalities = ['ALB', 'GBR', 'VNM', 'ERI', 'ROU', 'POL'];
    const shown = publishFigures(
      byPopulation(
        nationalities.map((nationality) => group({ nationality, quarterStart: '2025-07-01' })),
        '2025/26',
      ),
    ).all.figures;
    expect(shown.individuals.total).toBe('c');
    expect(shown.quarters.map((q) => q.individuals)).toEqual([0, 'c', 0, 0]);
  });
});

describe('publishFigures across the three boards', () => {
  // Adults: 30 male, 20 female. Children: 10 male, 3 female. Each population alone needs only its own small cells
  // hidden, but then the children's 3 females are all females (23) less the adult females (20).
  const groups = [
    group({ gender: 'male', referrals: 30, individuals: 30, quarterIndividuals: 30 }),
    group({ gender: 'female', referrals: 20, individuals: 20, quarterIndividuals: 20 }),
    child({ gender: 'male', referrals: 10, individuals: 10, quarterIndividuals: 10 }),
    child({ gender: 'female', referrals: 3, individuals: 3, quarterIndividuals: 3 }),
  ];
  const exact = byPopulation(groups);
  const gender = (f: Figures<number | 'c'>) => Object.fromEntries(f.referrals.breakdowns.gender.cells.map((c) => [c.label, c.count]));

  it('would give the children’s "c" away by subtraction if each board’s figures were protected alone', () => {
    const alone = (f: Figures<number>) => suppressTablesSharingTotal({ breakdowns: [f.referrals.breakdowns.gender] }).published.breakdowns[0];
    const [all, adults, children] = [alone(exact.all), alone(exact.adults), alone(exact.children)];
    const cell = (b: typeof all, label: string) => b.cells.find((c) => c.label === label)!.count;
    expect(cell(children, 'Female')).toBe('c');
    expect([cell(all, 'Female'), cell(adults, 'Female')]).toEqual([23, 20]);
    expect((cell(all, 'Female') as number) - (cell(adults, 'Female') as number)).toBe(
      exact.children.referrals.breakdowns.gender.cells.find((c) => c.label === 'Female')!.count,
    );
  });

  it('hides, in the adults’ or the all-population figures, what would give a children’s "c" away', () => {
    const published = publishFigures(exact);
    const [all, adults, children] = [gender(published.all.figures), gender(published.adults.figures), gender(published.children.figures)];
    expect(children.Female).toBe('c');
    expect([all.Female, adults.Female]).toContain('c');
    // Each board's own figures still add up where shown, and no small count is shown anywhere.
    for (const f of [all, adults, children]) expect(Object.values(f).filter((n) => typeof n === 'number' && n >= 1 && n <= 5)).toEqual([]);
  });

  it('passes the joint audit of everything the three boards are sent, read together', () => {
    const published = publishFigures(exact);
    const audit = auditLinkedPopulations(
      linkedPopulationsOf({ all: published.all.figures, adults: published.adults.figures, children: published.children.figures }),
    );
    expect(audit.ranges.length).toBeGreaterThan(0);
    expect(audit.recoverable).toEqual([]);
  });

  it('tallies each board’s own suppressions for the safeguarding lead', () => {
    const published = publishFigures(exact);
    expect(published.children.disclosure.primary).toBeGreaterThan(0);
    expect(published.adults.disclosure.secondary).toBeGreaterThan(0);
  });

  it('refuses populations that disagree (figures read at different moments) rather than protect them', () => {
    const late = byPopulation([...groups, group({ gender: 'male', referrals: 7, individuals: 7, quarterIndividuals: 7 })]);
    expect(thrownBy(() => publishFigures({ ...exact, all: late.all }))).toMatchObject({ problem: 'populations_disagree' });
  });
});

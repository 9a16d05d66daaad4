import fc from 'fast-check';
import { categoricalDimension } from './dimension';
import { PublishedBreakdown, PublishedCount, suppressTablesSharingTotal } from './disclosure-control';
import {
  LinkedPopulations,
  OVERLAP,
  PopulationLink,
  PopulationTables,
  PublishedPopulation,
  EARLIER_REVISION,
  auditLinkedPopulations,
  linkRevisions,
  proveLinkedPopulationsSafe,
  suppressLinkedPopulations,
} from './disclosure-linked';
import { Breakdown, buildBreakdown, buildCrossTab } from './table';
import { TableInvariantError } from './statistics.errors';
import { thrownBy } from '../../../test/support/thrown';

const GENDER = categoricalDimension('gender', 'Gender', ['Female', 'Male', 'Other']);
const NATIONALITY = categoricalDimension('nationality', 'Nationality', ['Albanian', 'UK', 'Vietnamese', 'Eritrean']);
const AGE = categoricalDimension('age', 'Age', ['Adult', 'Child']);
const PLACE = categoricalDimension('place', 'Place', ['UK', 'Overseas']);

const PARTS: PopulationLink = { relation: 'partition', parts: ['adults', 'children'], whole: 'all' };

function gender(female: number, male: number, other = 0): Breakdown {
  return buildBreakdown(GENDER, [
    { label: 'Female', count: female },
    { label: 'Male', count: male },
    { label: 'Other', count: other },
  ]);
}

const cell = (b: PublishedBreakdown, label: string): PublishedCount | undefined => b.cells.find((c) => c.label === label)?.count;

describe(suppressLinkedPopulations.name, () => {
  // Adults 20 women and 30 men; children 3 girls and 10 boys: all 23 women, 40 men.
  const linked: LinkedPopulations<PopulationTables> = {
    populations: {
      all: { breakdowns: [gender(23, 40)] },
      adults: { breakdowns: [gender(20, 30)] },
      children: { breakdowns: [gender(3, 10)] },
    },
    links: [PARTS],
  };

  it('is needed: each population protected alone leaves the children’s "c" to subtraction, which the joint audit finds', () => {
    const alone = Object.fromEntries(Object.entries(linked.populations).map(([name, tables]) => [name, suppressTablesSharingTotal(tables).published]));
    expect(cell(alone.children.breakdowns[0], 'Female')).toBe('c');
    expect([cell(alone.all.breakdowns[0], 'Female'), cell(alone.adults.breakdowns[0], 'Female')]).toEqual([23, 20]);
    const audit = auditLinkedPopulations({ populations: alone, links: [PARTS] });
    expect(audit.recoverable).toContainEqual({ cell: { population: 'children', cell: { dimension: 'gender', label: 'Female' } }, min: 3, max: 3 });
  });

  it('hides, in the adults’ or the all-population table, what would give the children’s "c" away', () => {
    const { published } = suppressLinkedPopulations(linked);
    expect(cell(published.children.breakdowns[0], 'Female')).toBe('c');
    expect([cell(published.adults.breakdowns[0], 'Female'), cell(published.all.breakdowns[0], 'Female')]).toContain('c');
    expect(auditLinkedPopulations({ populations: published, links: [PARTS] }).recoverable).toEqual([]);
  });

  it('keeps totals and hides inner cells as complements, so every population still shows its total', () => {
    const { published } = suppressLinkedPopulations(linked);
    expect([published.all, published.adults, published.children].map((p) => p.breakdowns[0].total)).toEqual([63, 50, 13]);
  });

  it('tells primary from secondary suppressions, by population, for the audit log', () => {
    const { suppressions } = suppressLinkedPopulations(linked);
    expect(suppressions).toContainEqual({ cell: { population: 'children', cell: { dimension: 'gender', label: 'Female' } }, reason: 'primary' });
    expect(suppressions.filter((s) => s.reason === 'secondary').length).toBeGreaterThan(0);
  });

  it('publishes each population’s own categories: one only a part has is a 0 of the other part, not shown in it', () => {
    // As the insights app builds them: a nationality appears only where someone has it.
    const nationality = (uk: number, eri: number): Breakdown => ({
      dimension: 'nationality',
      total: uk + eri,
      cells: [{ label: 'UK', count: uk }, ...(eri > 0 ? [{ label: 'Eritrean', count: eri }] : [])],
    });
    const { published } = suppressLinkedPopulations({
      populations: {
        all: { breakdowns: [nationality(40, 7)] },
        adults: { breakdowns: [nationality(30, 7)] },
        children: { breakdowns: [nationality(10, 0)] },
      },
      links: [PARTS],
    });
    expect(published.children.breakdowns[0].cells.map((c) => c.label)).toEqual(['UK']);
    expect(published.adults.breakdowns[0].cells.map((c) => c.label)).toEqual(['UK', 'Eritrean']);
    expect(published.all.breakdowns[0].cells).toEqual([
      { label: 'UK', count: 40 },
      { label: 'Eritrean', count: 7 },
    ]);
  });

  it('refuses populations that do not add up (read at different moments)', () => {
    const late = { ...linked, populations: { ...linked.populations, all: { breakdowns: [gender(23, 41)] } } };
    expect(thrownBy(() => suppressLinkedPopulations(late))).toMatchObject({ problem: 'populations_disagree' });
  });

  it('refuses linked populations that show different tables, and links to populations that do not exist', () => {
    const other = { ...linked.populations, children: { breakdowns: [buildBreakdown(NATIONALITY, [{ label: 'UK', count: 13 }])] } };
    expect(() => suppressLinkedPopulations({ populations: other, links: [PARTS] })).toThrow(TableInvariantError);
    expect(() => suppressLinkedPopulations({ ...linked, links: [{ relation: 'partition', parts: ['adults', 'teenagers'], whole: 'all' }] })).toThrow(
      /teenagers/,
    );
  });
});

describe('populations that overlap (individuals: a person referred as a child and as an adult)', () => {
  // 30 adults and 30 children, and one man referred as a child and again as an adult: 31 + 31 individuals in the
  // parts, 61 in all. Shown as they are, 31 + 31 - 61 = 1 singles him out, and 16 + 16 - 31 = 1 says he is a man.
  const people = (female: number, male: number) => ({ breakdowns: [gender(female, male)], crossTabs: [] });
  const linked: LinkedPopulations<PopulationTables> = {
    populations: { all: people(30, 31), adults: people(15, 16), children: people(15, 16) },
    links: [{ relation: 'cover', parts: ['adults', 'children'], whole: 'all' }],
  };

  it('guards the people in both like a "c": the joint audit finds a 1 there when every total is shown', () => {
    const shownAsTheyAre: LinkedPopulations<PublishedPopulation> = {
      populations: Object.fromEntries(Object.entries(linked.populations).map(([n, t]) => [n, { breakdowns: t.breakdowns }])),
      links: linked.links,
    };
    const audit = auditLinkedPopulations(shownAsTheyAre);
    expect(audit.recoverable).toContainEqual(
      expect.objectContaining({ cell: { population: `${OVERLAP} adults and children`, cell: { dimension: 'gender', label: 'Total' } }, min: 1, max: 1 }),
    );
  });

  it('hides enough that the one person in both cannot be worked out, nor any "c"', () => {
    const { published } = suppressLinkedPopulations(linked);
    const audit = auditLinkedPopulations({ populations: published, links: linked.links });
    expect(audit.recoverable).toEqual([]);
    // The one person is a man: no woman is in both (0 may be worked out), but the men in both, and the total, may not.
    const both = (label: string) => audit.ranges.find((r) => r.cell.population.startsWith(OVERLAP) && 'label' in r.cell.cell && r.cell.cell.label === label);
    for (const label of ['Total', 'Male']) expect(both(label)!.min).toBeLessThan(both(label)!.max);
  });

  it('lets people in both be worked out as 0, or as more than 5, as a shown count could be', () => {
    const none: LinkedPopulations<PublishedPopulation> = {
      populations: { all: { breakdowns: [gender(30, 30)] }, adults: { breakdowns: [gender(15, 15)] }, children: { breakdowns: [gender(15, 15)] } },
      links: linked.links,
    };
    expect(auditLinkedPopulations(none).safe).toBe(true);
  });
});

describe(auditLinkedPopulations.name, () => {
  it('answers the least and greatest value of every "c" exactly, as enumerating every completion does', () => {
    // Three populations, one breakdown of two categories each; a "c" hides 1 or more. Small enough to enumerate.
    const population = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(population, population, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (adults, children, mask) => {
        const two = (a: number, b: number): Breakdown =>
          buildBreakdown(AGE, [
            { label: 'Adult', count: a },
            { label: 'Child', count: b },
          ]);
        const truth = { adults: two(...adults), children: two(...children), all: two(adults[0] + children[0], adults[1] + children[1]) };
        // Cells: per population [Adult, Child, Total]; the all-population total always shown, so everything is bounded.
        const values = (['adults', 'children', 'all'] as const).flatMap((p) => [...truth[p].cells.map((c) => c.count), truth[p].total]);
        const hidden = values.map((v, i) => v > 0 && mask[i] && i !== 8);
        if (hidden.filter(Boolean).length > 4) return;
        const show = (p: number): PublishedBreakdown => {
          const at = (i: number): PublishedCount => (hidden[p * 3 + i] ? 'c' : values[p * 3 + i]);
          return {
            dimension: 'age',
            total: at(2),
            cells: [
              { label: 'Adult', count: at(0) },
              { label: 'Child', count: at(1) },
            ],
          };
        };
        const audit = auditLinkedPopulations({
          populations: { adults: { breakdowns: [show(0)] }, children: { breakdowns: [show(1)] }, all: { breakdowns: [show(2)] } },
          links: [PARTS],
        });
        // Every assignment of 1..total to the hidden cells that keeps every sum.
        const unknown = hidden.flatMap((h, i) => (h ? [i] : []));
        const seen = unknown.map(() => new Set<number>());
        const total = values[8];
        const trial = [...values];
        const walk = (k: number): void => {
          if (k === unknown.length) {
            const ok = [0, 3, 6].every((o) => trial[o] + trial[o + 1] === trial[o + 2]) && [0, 1, 2].every((i) => trial[i] + trial[3 + i] === trial[6 + i]);
            if (ok) unknown.forEach((cell, j) => seen[j].add(trial[cell]));
            return;
          }
          for (let v = 1; v <= total; v++) {
            trial[unknown[k]] = v;
            walk(k + 1);
          }
        };
        walk(0);
        expect(audit.ranges.map((r) => [r.min, r.max])).toEqual(seen.map((s) => [Math.min(...s), Math.max(...s)]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('linked populations, as a property', () => {
  // People with a few attributes; some children are referred again as adults (one person in both populations).
  const person = fc.record({
    age: fc.constantFrom('Adult', 'Child'),
    place: fc.constantFrom('UK', 'Overseas'),
    gender: fc.constantFrom('Female', 'Male', 'Other'),
    nationality: fc.constantFrom('Albanian', 'UK', 'Vietnamese', 'Eritrean'),
    child: fc.boolean(),
    againAsAdult: fc.constantFrom(false, false, false, true),
    adultNationality: fc.constantFrom('Albanian', 'UK', 'Vietnamese', 'Eritrean'),
  });
  type Person = { age: string; place: string; gender: string; nationality: string; child: boolean; againAsAdult: boolean; adultNationality: string };
  type Referral = Omit<Person, 'againAsAdult' | 'adultNationality'>;

  function tables(referrals: readonly Referral[]): PopulationTables {
    return {
      breakdowns: [
        buildBreakdown(
          GENDER,
          referrals.map((r) => ({ label: r.gender, count: 1 })),
        ),
        buildBreakdown(
          NATIONALITY,
          referrals.map((r) => ({ label: r.nationality, count: 1 })),
        ),
      ],
      crossTabs: [
        buildCrossTab(
          AGE,
          PLACE,
          referrals.map((r) => ({ row: r.age, column: r.place, count: 1 })),
        ),
      ],
    };
  }

  function linkedOf(people: readonly Person[]): LinkedPopulations<PopulationTables> {
    // Each person's referrals in order; a child referred again as an adult has a second, adult referral.
    const referralsOf = people.map((p): Referral[] =>
      p.child && p.againAsAdult ? [{ ...p }, { ...p, child: false, nationality: p.adultNationality }] : [{ ...p }],
    );
    const of = (child: boolean | null) => referralsOf.map((rs) => rs.filter((r) => child === null || r.child === child));
    const populations: Record<string, PopulationTables> = {};
    for (const [name, child] of [
      ['all', null],
      ['adults', false],
      ['children', true],
    ] as const) {
      populations[`referrals:${name}`] = tables(of(child).flat());
      // An individual is counted by their earliest referral in the population.
      populations[`individuals:${name}`] = tables(
        of(child)
          .filter((rs) => rs.length > 0)
          .map((rs) => rs[0]),
      );
    }
    return {
      populations,
      links: [
        { relation: 'partition', parts: ['referrals:adults', 'referrals:children'], whole: 'referrals:all' },
        { relation: 'cover', parts: ['individuals:adults', 'individuals:children'], whole: 'individuals:all' },
      ],
    };
  }

  const pairs = (truth: PopulationTables, shown: PublishedPopulation): Array<[number, PublishedCount]> => [
    ...(truth.breakdowns ?? []).flatMap((b, i) => [
      [b.total, shown.breakdowns![i].total] as [number, PublishedCount],
      ...b.cells.map((c, j): [number, PublishedCount] => [c.count, shown.breakdowns![i].cells[j].count]),
    ]),
    ...(truth.crossTabs ?? []).flatMap((t, i) => {
      const s = shown.crossTabs![i];
      return [
        ...t.counts.flatMap((line, r) => line.map((n, c): [number, PublishedCount] => [n, s.counts[r][c]])),
        ...t.rowTotals.map((n, r): [number, PublishedCount] => [n, s.rowTotals[r]]),
        ...t.columnTotals.map((n, c): [number, PublishedCount] => [n, s.columnTotals[c]]),
      ];
    }),
  ];

  it('never shows 1 to 5, shows zeros as 0 and every other count as it is, and leaves nothing recoverable across populations', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 70 }), (people) => {
        const linked = linkedOf(people);
        const { published } = suppressLinkedPopulations(linked);
        for (const [name, truth] of Object.entries(linked.populations)) {
          for (const [n, shown] of pairs(truth, published[name])) {
            expect(shown === 'c' || shown === 0 || shown > 5).toBe(true);
            if (n === 0) expect(shown).toBe(0);
            if (shown !== 'c') expect(shown).toBe(n);
          }
        }
        const audit = auditLinkedPopulations({ populations: published, links: linked.links });
        expect(audit.recoverable).toEqual([]);
        expect(proveLinkedPopulationsSafe({ populations: published, links: linked.links }).safe).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('also protects against "individuals at most referrals" when asked to (a `within` link)', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), (people) => {
        const base = linkedOf(people);
        const within: PopulationLink[] = ['all', 'adults', 'children'].map((p) => ({ relation: 'within', inner: `individuals:${p}`, outer: `referrals:${p}` }));
        const linked = { ...base, links: [...base.links, ...within] };
        const { published } = suppressLinkedPopulations(linked);
        expect(auditLinkedPopulations({ populations: published, links: linked.links }).recoverable).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
  /**
   * Two revisions of one published report: the second holds the first's referrals, late ones added and some
   * corrected (another gender or nationality). A reader holding both may assume counts only grew (see
   * `linkRevisions`); read together they must leave every "c" of either revision at least two whole values apart,
   * what one report alone must give, never a single value.
   */
  const change = fc.record({
    index: fc.nat(),
    gender: fc.constantFrom('Female', 'Male', 'Other'),
    nationality: fc.constantFrom('Albanian', 'UK', 'Vietnamese', 'Eritrean'),
  });

  it('two revisions of one report read together never narrow a "c" to a single value (exact auditor)', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), fc.array(person, { maxLength: 6 }), fc.array(change, { maxLength: 3 }), (first, late, changes) => {
        const second = [...first, ...late];
        changes.forEach(({ index, gender, nationality }) => {
          if (second.length > 0) second[index % second.length] = { ...second[index % second.length], gender, nationality };
        });
        const one = suppressLinkedPopulations(linkedOf(first));
        const earlier = { populations: one.published, links: linkedOf(first).links };
        const linked = linkedOf(second);
        const two = suppressLinkedPopulations(linked, { earlier });
        const audit = auditLinkedPopulations(linkRevisions(earlier, { populations: two.published, links: linked.links }));
        expect(audit.recoverable).toEqual([]);
        audit.ranges.filter((r) => !r.cell.population.startsWith(OVERLAP)).forEach((r) => expect(r.max - r.min).toBeGreaterThanOrEqual(1));
        // Every "c" of the first revision is still "c" in the second unless its count fell to 0.
        for (const [name, tables] of Object.entries(one.published)) {
          for (const [i, b] of tables.breakdowns.entries()) {
            b.cells.forEach((c) => {
              const now = linked.populations[name].breakdowns![i].cells.find((d) => d.label === c.label)?.count ?? 0;
              if (c.count === 'c' && now > 0) expect(two.published[name].breakdowns[i].cells.find((d) => d.label === c.label)?.count).toBe('c');
            });
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('is needed: a "c" of 5 that grows to 6 and is shown is narrowed to 5 or 6 when read with the first revision', () => {
    const adult = (gender: string): Person => ({
      age: 'Adult',
      place: 'UK',
      gender,
      nationality: 'UK',
      child: false,
      againAsAdult: false,
      adultNationality: 'UK',
    });
    const first = [...Array.from({ length: 5 }, () => adult('Female')), ...Array.from({ length: 30 }, () => adult('Male'))];
    const second = [...first, adult('Female')];
    const one = suppressLinkedPopulations(linkedOf(first));
    const earlier = { populations: one.published, links: linkedOf(first).links };
    const female = (p: PublishedPopulation): PublishedCount | undefined => cell(p.breakdowns![0], 'Female');
    const rangeOfFirst = (audit: ReturnType<typeof auditLinkedPopulations>) =>
      audit.ranges.find((r) => r.cell.population === `referrals:adults${EARLIER_REVISION}` && 'label' in r.cell.cell && r.cell.cell.label === 'Female');
    expect(female(one.published['referrals:adults'])).toBe('c');
    // Alone, the first revision leaves the women anywhere from 1 to 34 (the men are hidden with them).
    expect(auditLinkedPopulations(earlier).ranges).toContainEqual({
      cell: { population: 'referrals:adults', cell: { dimension: 'gender', label: 'Female' } },
      min: 1,
      max: 34,
    });
    // Protected on its own, the second revision shows 6 women and 30 men: with the first, the women were 5 or 6.
    const alone = suppressLinkedPopulations(linkedOf(second));
    expect(female(alone.published['referrals:adults'])).toBe(6);
    expect(rangeOfFirst(auditLinkedPopulations(linkRevisions(earlier, { populations: alone.published, links: linkedOf(second).links })))).toMatchObject({
      min: 5,
      max: 6,
    });
    // Protected with the first revision, it keeps the "c" and nothing can be worked out from the two together.
    const two = suppressLinkedPopulations(linkedOf(second), { earlier });
    expect(female(two.published['referrals:adults'])).toBe('c');
    const together = auditLinkedPopulations(linkRevisions(earlier, { populations: two.published, links: linkedOf(second).links }));
    expect(together.recoverable).toEqual([]);
    expect(rangeOfFirst(together)).toMatchObject({ min: 1, max: 34 });
  });
});

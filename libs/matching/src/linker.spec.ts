import fc from 'fast-check';
import { generateCaseworkPopulation, generatePopulation } from '@app/synth';
import { DuplicateRecordIdError, explainPair, likelyPersons, linkRecords } from './linker';
import { defaultModel } from './model';
import { DEFAULT_LINKAGE_CONFIG } from './config';
import { LinkageRecord, prepareRecord } from './record';
import { termFrequencies } from './training';

/** Partition of record ids into persons, independent of how persons are numbered. */
function partition(links: readonly { recordId: string; personId: string }[]): string[][] {
  const byPerson = new Map<string, string[]>();
  for (const l of links) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l.recordId]);
  return [...byPerson.values()].map((ids) => ids.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const background = generatePopulation({ seed: 7, persons: 400 }).records;

describe(linkRecords.name, () => {
  it('links a child in LCS and the same person as an adult in AIS despite transliteration and an estimated date', () => {
    const child: LinkageRecord = {
      recordId: 'LCS-9000001',
      sourceSystem: 'LCS',
      firstName: 'Mohammed',
      lastName: 'ALI',
      dateOfBirth: '2007-01-01',
      dobEstimated: true,
      sex: 'male',
      nationality: 'SD',
      postcode: 'HP19 8FF',
      referralDate: '2023-05-02',
    };
    const adult: LinkageRecord = {
      recordId: 'AIS-9000002',
      sourceSystem: 'AIS',
      firstName: 'Muhammad',
      lastName: 'Aly',
      dateOfBirth: '2006-09-14',
      sex: 'M',
      nationality: 'Sudanese',
      postcode: 'HP19 8FF',
      referralDate: '2025-02-11',
    };
    const result = linkRecords([...background, child, adult]);
    const byId = new Map(result.links.map((l) => [l.recordId, l]));
    expect(byId.get(child.recordId)!.personId).toBe(byId.get(adult.recordId)!.personId);
    expect(byId.get(adult.recordId)!.matchStatus).toBe('MATCH');

    const explanation = explainPair(child, adult, result.model, result.links.length - 1)!;
    expect(explanation.decision).toBe('MATCH');
    const levels = Object.fromEntries(explanation.fields.map((f) => [f.comparison, f.level]));
    expect(levels).toMatchObject({ given_name: 'variant', family_name: 'variant', date_of_birth: 'near_year', nationality: 'agree' });
    expect(explanation.fields.find((f) => f.comparison === 'given_name')!.weight).toBeGreaterThan(0);
    // Told that its model counted these records, the explanation weighs the pair as the batch did.
    const asLinked = explainPair(child, adult, result.model, result.links.length - 1, undefined, { leaveOut: 1 })!;
    expect(asLinked.probability).toBeCloseTo(byId.get(adult.recordId)!.matchProbability, 4);
  });

  it('refuses a batch with a repeated record id', () => {
    expect(() => linkRecords([{ recordId: 'x' }, { recordId: 'x' }])).toThrow(DuplicateRecordIdError);
  });

  it('reports the number of compared pairs', () => {
    const result = linkRecords(background.slice(0, 200));
    expect(result.comparedPairs).toBeGreaterThan(0);
    expect(result.comparedPairs).toBeLessThan((200 * 199) / 2);
  });
});

const GIVEN = ['Ardit', 'Arben', 'Mohammed', 'Muhammad', 'Yonas', 'Thi Lan', 'Luke', 'Jamie'];
const FAMILY = ['Hoxha', 'Nguyen', 'Ali', 'Tesfay', 'Knight'];
const DOBS = ['2001-04-12', '2001-04-13', '2006-01-01', '1999-12-30', null];

const recordArb = fc.record({
  firstName: fc.option(fc.constantFrom(...GIVEN), { nil: null }),
  lastName: fc.option(fc.constantFrom(...FAMILY), { nil: null }),
  dateOfBirth: fc.constantFrom(...DOBS),
  sex: fc.constantFrom('M', 'F', null),
  nationality: fc.constantFrom('ALB', 'Albanian', 'VN', 'Eritrean', null),
  postcode: fc.constantFrom('HP19 8FF', 'SL1 2AB', null),
  anonymous: fc.boolean(),
});

const batchArb = fc
  .array(recordArb, { minLength: 1, maxLength: 14 })
  .map((rows) => rows.map((r, i): LinkageRecord => ({ recordId: `R${String(i).padStart(3, '0')}`, ...r, anonymous: r.anonymous && i % 3 === 0 })));

describe('twins in the batch', () => {
  const luke: LinkageRecord = { recordId: 'AIS-1', firstName: 'Luke', lastName: 'Knight', dateOfBirth: '2006-10-28', postcode: 'HP19 8FF', sex: 'M' };
  const jamie: LinkageRecord = { ...luke, recordId: 'AIS-2', firstName: 'Jamie' };
  const starting = { ...defaultModel(), expectedMatchesPerRecord: 1 };
  const learned = {
    ...starting,
    comparisons: { ...starting.comparisons, given_name: starting.comparisons.given_name.map((l) => (l.id === 'different' ? { ...l, m: 0.004 } : l)) },
  };

  it("asks no reviewer about twins with unrelated given names where one person's given names rarely differ", () => {
    const result = linkRecords([luke, jamie], { model: learned });
    expect(result.personCount).toBe(2);
    expect(result.reviews).toEqual([]);
  });

  it('still asks about them where the model is not sure, and about names written in another order', () => {
    expect(linkRecords([luke, jamie], { model: starting }).reviews.map((r) => r.reason)).toEqual(['sibling_guard']);
    const mariam: LinkageRecord = { ...luke, firstName: 'Mariam', lastName: 'Osman' };
    const reordered: LinkageRecord = { ...luke, recordId: 'AIS-2', firstName: 'Mohammed', lastName: 'Mariam' };
    expect(linkRecords([mariam, reordered], { model: learned }).reviews.map((r) => r.reason)).toEqual(['sibling_guard']);
  });
});

describe('linking properties', () => {
  const options = { model: { ...defaultModel(), expectedMatchesPerRecord: 1 } };

  it('is idempotent: linking the same records again gives the same persons and statuses', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        expect(linkRecords(batch, options).links).toEqual(linkRecords(batch, options).links);
      }),
      { numRuns: 40 },
    );
  });

  it('finds the same persons under a model learned from the same records as when it learns the model itself', () => {
    const records = generatePopulation({ seed: 11, persons: 600 }).records;
    const learned = linkRecords(records);
    const reused = linkRecords(records, { model: learned.model, modelCountsTheseRecords: true });
    expect(partition(reused.links)).toEqual(partition(learned.links));
    expect(reused.links.map((l) => l.matchStatus)).toEqual(learned.links.map((l) => l.matchStatus));
  });

  it('does not depend on record order, learned model included', () => {
    fc.assert(
      fc.property(batchArb, fc.integer(), (batch, seed) => {
        const shuffled = [...batch].sort((a, b) => (hash(a.recordId, seed) - hash(b.recordId, seed)) | 0);
        expect(partition(linkRecords(shuffled).links)).toEqual(partition(linkRecords(batch).links));
        expect(partition(linkRecords(shuffled, options).links)).toEqual(partition(linkRecords(batch, options).links));
      }),
      { numRuns: 40 },
    );
  });

  it('never links an anonymous notification to anything', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const links = linkRecords(batch, options).links;
        for (const record of batch.filter((r) => r.anonymous)) {
          const own = links.find((l) => l.recordId === record.recordId)!;
          expect(links.filter((l) => l.personId === own.personId)).toHaveLength(1);
          expect(own.matchStatus).toBe('NO_MATCH');
        }
      }),
      { numRuns: 40 },
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  return h;
}

describe('term frequencies and confirmation', () => {
  it('counts a value once per group of records believed to be one person', () => {
    const records = ['Ardit', 'Ardit', 'Ardit', 'Besnik'].map((firstName, i) => prepareRecord({ recordId: `R${i}`, firstName, lastName: 'Hoxha' }));
    expect(termFrequencies(records).given_name!.counts).toEqual({ ardit: 3, besnik: 1 });
    expect(termFrequencies(records, [0, 0, 1, 2]).given_name!.counts).toEqual({ ardit: 2, besnik: 1 });
  });

  it('groups records joined by possible matches, but not a chain longer than one person could be', () => {
    const chain = (length: number) => {
      const left = Int32Array.from({ length: length - 1 }, (_, i) => i);
      const right = Int32Array.from({ length: length - 1 }, (_, i) => i + 1);
      const groups = likelyPersons(
        length,
        { left, right, count: length - 1, skippedBlocks: 0 },
        new Float64Array(length - 1).fill(10),
        new Uint8Array(length - 1),
        0,
        DEFAULT_LINKAGE_CONFIG,
      );
      return new Set(groups).size;
    };
    expect(chain(3)).toBe(1);
    const long = DEFAULT_LINKAGE_CONFIG.termFrequency.maxGroupSize + 1;
    expect(chain(long)).toBe(long);
  });

  it('links pairs between the match and confirmation thresholds and puts them before a reviewer', () => {
    const { match, confirm } = DEFAULT_LINKAGE_CONFIG.thresholds;
    const result = linkRecords(background);
    const byId = new Map(result.links.map((l) => [l.recordId, l]));
    const toConfirm = result.reviews.filter((r) => r.reason === 'confirm_match');
    expect(toConfirm.length).toBeGreaterThan(0);
    for (const review of toConfirm) {
      expect(review.probability).toBeGreaterThanOrEqual(match);
      expect(review.probability).toBeLessThan(confirm);
      expect(byId.get(review.recordId)!.personId).toBe(byId.get(review.candidateRecordId)!.personId);
    }
    // Every other review is of records the linkage kept apart.
    for (const review of result.reviews.filter((r) => r.reason !== 'confirm_match')) {
      expect(byId.get(review.recordId)!.personId).not.toBe(byId.get(review.candidateRecordId)!.personId);
    }
  });
});

describe('linkRecords: no chaining through weak dates of birth', () => {
  const person = (recordId: string, dateOfBirth: string | null, dobEstimated = false, postcode = 'HP19 8FF'): LinkageRecord => ({
    recordId,
    sourceSystem: 'AIS',
    firstName: 'Mohammed',
    lastName: 'Ali',
    dateOfBirth,
    dobEstimated,
    sex: 'M',
    nationality: 'SDN',
    postcode,
    referralDate: '2025-01-10',
  });

  it.each([0, 1, 3, 8])(
    'keeps two people sharing a full name, complete dates of birth years apart, apart with %i estimated-date records between them',
    (between) => {
      const older = person('AIS-8000001', '1995-03-14', false, 'MK18 1AA');
      const younger = person('AIS-8000002', '2001-08-30', false, 'SL1 2BB');
      const estimates = Array.from({ length: between }, (_, i) =>
        person(`AIS-80001${String(i).padStart(2, '0')}`, i % 2 ? '1998-01-01' : null, i % 2 === 1, `E${i} 1CC`),
      );
      const result = linkRecords([...background, older, younger, ...estimates]);
      const personOf = new Map(result.links.map((l) => [l.recordId, l.personId]));
      expect(personOf.get(older.recordId)).not.toBe(personOf.get(younger.recordId));
    },
  );

  it('joins a record to a person whose dates it matches, though it is two slips from one mistyped date among them', () => {
    const records = [
      person('AIS-8200001', '1990-08-01', false, 'MK18 1AA'),
      person('AIS-8200002', '1990-08-01', false, 'MK18 1AA'),
      person('AIS-8200003', '1990-08-01', false, 'MK18 1AA'),
      person('AIS-8200004', '1990-08-11', false, 'MK18 1AA'),
      person('AIS-8200005', '1998-08-01', false, 'MK18 1AA'),
    ].map((r) => ({ ...r, firstName: 'Thomas', lastName: 'Chudleigh', nationality: 'GBR' }));
    const result = linkRecords([...background, ...records]);
    const personOf = new Map(result.links.map((l) => [l.recordId, l.personId]));
    expect(new Set(records.map((r) => personOf.get(r.recordId))).size).toBe(1);
  });

  describe('a father and his son: one full name and one address, dates of birth twelve years apart', () => {
    const father = person('AIS-8300001', '1994-06-18', false, 'HP21 8EE');
    const son = [
      { ...person('LCS-8300002', '2006-10-02', true, 'HP21 8EE'), sourceSystem: 'LCS' },
      { ...person('LCS-8300003', '2006-01-01', true, 'HP21 8EE'), sourceSystem: 'LCS' },
    ];
    const caseload = generateCaseworkPopulation({ seed: 7, persons: 1000 }).records;
    it.each([
      [
        'with the starting model, as a new installation links',
        () => linkRecords([...background, father, ...son], { model: { ...defaultModel(), expectedMatchesPerRecord: 1 } }),
      ],
      ['with a model learned from a caseload', () => linkRecords([...caseload, father, ...son])],
    ])('stay two people %s', (_, link) => {
      const personOf = new Map(link().links.map((l) => [l.recordId, l.personId]));
      for (const record of son) expect(personOf.get(record.recordId)).not.toBe(personOf.get(father.recordId));
    });
  });

  it('links two records with the same valid NHS number and no date of birth', () => {
    const a: LinkageRecord = {
      recordId: 'LCS-8100001',
      sourceSystem: 'LCS',
      firstName: 'Yonas',
      lastName: 'Tesfay',
      nhsNumber: '943 476 5919',
      nationality: 'ERI',
    };
    const b: LinkageRecord = {
      recordId: 'AIS-8100002',
      sourceSystem: 'AIS',
      firstName: 'Jonas',
      lastName: 'Tesfai',
      nhsNumber: '9434765919',
      nationality: 'Eritrean',
    };
    const result = linkRecords([...background, a, b]);
    const personOf = new Map(result.links.map((l) => [l.recordId, l.personId]));
    expect(personOf.get(a.recordId)).toBe(personOf.get(b.recordId));
  });
});

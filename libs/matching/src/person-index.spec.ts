import { defaultModel, exportModel, importModel } from './model';
import { PersonIndex } from './person-index';
import { LinkageRecord } from './record';

const model = { ...defaultModel(), expectedMatchesPerRecord: 1 };

const ardit: LinkageRecord = { recordId: 'AIS-1', firstName: 'Ardit', lastName: 'Hoxha', dateOfBirth: '2001-04-12', sex: 'M', nationality: 'Albanian' };
const twin: LinkageRecord = { recordId: 'AIS-2', firstName: 'Besnik', lastName: 'Hoxha', dateOfBirth: '2001-04-12', sex: 'M', nationality: 'Albanian' };

describe(PersonIndex.name, () => {
  it('finds the person a new record of the same person belongs to, with an explanation', () => {
    const index = new PersonIndex(model);
    index.add(ardit, 'P1');
    index.add(twin, 'P2');
    const [best] = index.match({ recordId: 'LCS-7', firstName: 'ARDIT', lastName: 'Hoxha', dateOfBirth: '2001-04-21', sex: 'male', nationality: 'AL' });
    expect(best.personId).toBe('P1');
    expect(best.decision).toBe('MATCH');
    expect(best.explanation.fields.find((f) => f.comparison === 'date_of_birth')?.level).toBe('one_edit');
  });

  it('judges a record linked again against the rest of its person only, not against itself', () => {
    const index = new PersonIndex(model);
    const again: LinkageRecord = { recordId: 'LCS-7', firstName: 'ARDIT', lastName: 'Hoxha', dateOfBirth: '2001-04-21', sex: 'male', nationality: 'AL' };
    index.add(ardit, 'P1');
    index.add(again, 'P1');
    const [first] = new PersonIndex(model).match(again);
    expect(first).toBeUndefined();
    const [best] = index.match(again);
    expect(best.meanProbability).toBeCloseTo(best.probability, 10);
  });

  it('does not MATCH a twin brother', () => {
    const index = new PersonIndex(model);
    index.add(ardit, 'P1');
    const candidates = index.match(twin);
    expect(candidates.every((c) => c.decision !== 'MATCH')).toBe(true);
  });

  it("offers no candidate for a twin once the model says one person's given names rarely differ, as the batch sends no review", () => {
    const learned = {
      ...model,
      comparisons: { ...model.comparisons, given_name: model.comparisons.given_name.map((l) => (l.id === 'different' ? { ...l, m: 0.004 } : l)) },
    };
    const index = new PersonIndex(learned);
    index.add(ardit, 'P1');
    expect(index.match(twin)).toEqual([]);
    // The same pair under the starting model goes to a reviewer.
    const starting = new PersonIndex(model);
    starting.add(ardit, 'P1');
    expect(starting.match(twin).map((c) => c.decision)).toEqual(['POSSIBLE_MATCH']);
  });

  it('never holds or matches an anonymous notification', () => {
    const index = new PersonIndex(model);
    const notification: LinkageRecord = { recordId: 'DTN-1', anonymous: true, sex: 'M', nationality: 'ALB' };
    expect(index.add(notification, 'P9')).toBe(false);
    index.add(ardit, 'P1');
    expect(index.match({ ...ardit, recordId: 'DTN-2', anonymous: true })).toEqual([]);
  });

  it('decides the same after the model goes through JSON', () => {
    const a = new PersonIndex(model);
    const b = new PersonIndex(importModel(exportModel(model)));
    a.add(ardit, 'P1');
    b.add(ardit, 'P1');
    const query = { ...ardit, recordId: 'X', dateOfBirth: '2001-12-04' };
    expect(b.match(query)).toEqual(a.match(query));
  });

  it('moves records when persons are merged', () => {
    const index = new PersonIndex(model);
    index.add(ardit, 'P1');
    index.add(twin, 'P2');
    index.mergePersons('P2', 'P1');
    expect(index.personOf('AIS-2')).toBe('P1');
    expect(index.personCount).toBe(1);
  });
});

describe("PersonIndex: the worker's rule, no chaining through weak dates of birth", () => {
  /** Replays records in order as the deduplicator does: join the one person that is a MATCH, else a new person. */
  function replay(index: PersonIndex, records: readonly LinkageRecord[]): Map<string, string> {
    const personOf = new Map<string, string>();
    let next = 0;
    for (const r of records) {
      const matching = index.match(r, 10).filter((c) => c.decision === 'MATCH');
      const personId = matching.length === 1 ? matching[0].personId : `P${++next}`;
      index.add(r, personId);
      personOf.set(r.recordId, personId);
    }
    return personOf;
  }
  const person = (recordId: string, dateOfBirth: string | null, dobEstimated: boolean, postcode: string): LinkageRecord => ({
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
    'keeps two people sharing a full name with complete dates of birth years apart as two, with %i estimated-date records between them',
    (between) => {
      const older = person('AIS-1', '1995-03-14', false, 'MK18 1AA');
      const younger = person('AIS-2', '2001-08-30', false, 'SL1 2BB');
      const estimates = Array.from({ length: between }, (_, i) => person(`AIS-E${i}`, i % 2 ? '1998-01-01' : null, i % 2 === 1, `E${i} 1CC`));
      for (const order of [
        [older, ...estimates, younger],
        [...estimates, older, younger],
        [older, younger, ...estimates],
      ]) {
        const personOf = replay(new PersonIndex(model), order);
        expect(personOf.get('AIS-1')).not.toBe(personOf.get('AIS-2'));
      }
    },
  );

  it('links a record to the person holding its valid NHS number when neither has a date of birth', () => {
    const index = new PersonIndex(model);
    index.add({ recordId: 'LCS-1', firstName: 'Yonas', lastName: 'Tesfay', nhsNumber: '9434765919' }, 'P1');
    const [best] = index.match({ recordId: 'AIS-1', firstName: 'Jonas', lastName: 'Tesfai', nhsNumber: '943 476 5919' });
    expect(best).toMatchObject({ personId: 'P1', decision: 'MATCH' });
  });
});

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

import { blockingKeys, candidatePairs } from './blocking';
import { LinkageRecord, prepareRecord } from './record';

const pairsOf = (records: LinkageRecord[]) => {
  const prepared = records.map(prepareRecord);
  const { left, right } = candidatePairs(prepared, 1500);
  return Array.from(left, (a, i) => `${prepared[a].recordId}-${prepared[right[i]].recordId}`);
};

describe(candidatePairs.name, () => {
  it('compares records whose year of birth was mistyped and whose first letters of the given name differ', () => {
    expect(
      pairsOf([
        { recordId: 'A', firstName: 'Jacob', lastName: 'Riley', dateOfBirth: '2012-09-30' },
        { recordId: 'B', firstName: 'bJacob', lastName: 'Riley', dateOfBirth: '2022-09-30' },
      ]),
    ).toEqual(['A-B']);
  });

  it('compares records whose other identifier differs by one typing error', () => {
    expect(
      pairsOf([
        { recordId: 'A', firstName: 'Ann', otherId: 'oliverjones82@bond.biz' },
        { recordId: 'B', lastName: 'Zed', otherId: 'oliverjones82bond.biz' },
      ]),
    ).toEqual(['A-B']);
  });

  it('does not compare records that share nothing', () => {
    expect(
      pairsOf([
        { recordId: 'A', firstName: 'Ardit', lastName: 'Hoxha', dateOfBirth: '2001-04-12' },
        { recordId: 'B', firstName: 'Yonas', lastName: 'Tesfay', dateOfBirth: '1999-02-03' },
      ]),
    ).toEqual([]);
  });
});

describe(blockingKeys.name, () => {
  it('gives an anonymous notification no keys', () => {
    expect(blockingKeys(prepareRecord({ recordId: 'N', anonymous: true, firstName: 'X', dateOfBirth: '2001-01-02' }))).toEqual([]);
  });
});

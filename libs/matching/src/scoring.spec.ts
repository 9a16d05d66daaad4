import { DEFAULT_LINKAGE_CONFIG } from './config';
import { defaultModel, exportModel, importModel, InvalidLinkageModelError, LinkageModel } from './model';
import { LinkageRecord, prepareRecord } from './record';
import { probabilityFromWeight, Scorer } from './scoring';

const model: LinkageModel = { ...defaultModel(), expectedMatchesPerRecord: 1 };
const scorer = new Scorer(model, DEFAULT_LINKAGE_CONFIG);
const explain = (a: Partial<LinkageRecord>, b: Partial<LinkageRecord>, others = 1000) =>
  scorer.explain(prepareRecord({ recordId: 'A', ...a }), prepareRecord({ recordId: 'B', ...b }), others);

describe(Scorer.name, () => {
  it('adds the prior and every field weight into the match weight', () => {
    const e = explain(
      { firstName: 'Ardit', lastName: 'Hoxha', dateOfBirth: '2001-04-12', sex: 'M' },
      { firstName: 'Ardit', lastName: 'Hoxha', dateOfBirth: '2001-04-12', sex: 'male' },
    );
    const sum = e.priorWeight + e.fields.reduce((s, f) => s + f.weight, 0);
    expect(e.matchWeight).toBeCloseTo(sum, 2);
    expect(e.probability).toBeCloseTo(probabilityFromWeight(e.matchWeight), 3);
    expect(e.fields.find((f) => f.comparison === 'date_of_birth')?.weight).toBeCloseTo(Math.log2(0.8 / 0.0001), 1);
  });

  it('takes the prior from the expected matches per record and the number of records compared', () => {
    expect(explain({ firstName: 'a' }, { firstName: 'a' }, 1000).prior).toBeCloseTo(1 / 1000);
    expect(explain({ firstName: 'a' }, { firstName: 'a' }, 100_000).prior).toBeCloseTo(1 / 100_000);
  });

  it('decides by the thresholds', () => {
    const { match, possibleMatch } = DEFAULT_LINKAGE_CONFIG.thresholds;
    expect(scorer.decide(match, false)).toBe('MATCH');
    expect(scorer.decide((match + possibleMatch) / 2, false)).toBe('POSSIBLE_MATCH');
    expect(scorer.decide(possibleMatch / 2, false)).toBe('NO_MATCH');
  });

  it('holds twins (same family name and date of birth, different given names) below MATCH', () => {
    const e = explain(
      { firstName: 'Luke', lastName: 'Knight', dateOfBirth: '2006-10-28', postcode: 'HP19 8FF', sex: 'M' },
      { firstName: 'Jamie', lastName: 'Knight', dateOfBirth: '2006-10-28', postcode: 'HP19 8FF', sex: 'M' },
    );
    expect(e.decision).not.toBe('MATCH');
  });

  it('weighs agreement on a common name less than on a rare one', () => {
    const counts: Record<string, number> = { nguyen: 400, vanthanh: 2, thilan: 2 };
    const tf: LinkageModel = {
      ...model,
      termFrequencies: { family_name: { total: 1000, counts: { ...counts, tran: 2 } } },
    };
    const s = new Scorer(tf, DEFAULT_LINKAGE_CONFIG);
    const weight = (family: string) =>
      s
        .explain(prepareRecord({ recordId: 'A', firstName: 'x', lastName: family }), prepareRecord({ recordId: 'B', firstName: 'y', lastName: family }), 1000)
        .fields.find((f) => f.comparison === 'family_name')!;
    expect(weight('Nguyen').weight).toBeLessThan(weight('Tran').weight);
    expect(weight('Nguyen').termFrequencyAdjusted).toBe(true);
  });

  it('gives an explanation that survives JSON', () => {
    const e = explain({ firstName: 'Mohammed', lastName: 'Ali' }, { firstName: 'Muhammad', lastName: 'Aly' });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(e.fields.map((f) => f.comparison)).toContain('given_name');
  });
});

describe('model JSON', () => {
  it('round-trips', () => {
    expect(importModel(exportModel(model))).toEqual(model);
  });
  it('refuses a model that does not fit the comparisons', () => {
    const broken = JSON.parse(exportModel(model));
    broken.comparisons.sex = [];
    expect(() => importModel(broken)).toThrow(InvalidLinkageModelError);
  });
});

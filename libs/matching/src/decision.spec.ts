import { DEFAULT_LINKAGE_CONFIG } from './config';
import { parseBirthDate } from './dates';
import { birthDatesConflict, choosePerson, decideLink, GroupTally, placeRecord, recordsConflict, reviewsOf } from './decision';
import type { PersonCandidate } from './person-index';
import { prepareRecord } from './record';

const config = DEFAULT_LINKAGE_CONFIG;
const dob = (value: string, estimated = false) => parseBirthDate(value, estimated)!;

describe(decideLink.name, () => {
  it('links a strong pair whose groups hold together', () => {
    const group = new GroupTally().add({ probability: 0.99, contradicts: false }).add({ probability: 0.8, contradicts: false });
    expect(decideLink({ probability: 0.99, guarded: false, group }, config)).toEqual({ decision: 'MATCH', reason: null });
  });

  it('holds a strong pair back when another pair across the groups contradicts it', () => {
    const group = new GroupTally().add({ probability: 0.99, contradicts: false }).add({ probability: 0.9, contradicts: true });
    expect(decideLink({ probability: 0.99, guarded: false, group }, config)).toEqual({ decision: 'POSSIBLE_MATCH', reason: 'group_conflict' });
  });

  it('links on an identifier only one person holds even when the weight alone falls short', () => {
    expect(decideLink({ probability: 0.05, guarded: false, identifierAgrees: true }, config).decision).toBe('MATCH');
    const contradicted = new GroupTally().add({ probability: 0.05, contradicts: true, identifierAgrees: true });
    expect(decideLink({ probability: 0.05, guarded: false, identifierAgrees: true, group: contradicted }, config).decision).not.toBe('MATCH');
  });

  it("weighs stated dates of birth against the group as a whole: one mistyped date does not outvote a person's others", () => {
    const stated = (conflict: boolean) => ({ probability: 0.95, contradicts: false, datesBelieved: true, datesConflict: conflict });
    const outvoted = new GroupTally().add(stated(true)).add(stated(false)).add(stated(false));
    expect(decideLink({ probability: 0.99, guarded: false, group: outvoted }, config).decision).toBe('MATCH');
    // One stated date against another (the estimated ones between them say nothing) settles it.
    const twoPeople = new GroupTally().add(stated(true)).add({ probability: 0.95, contradicts: false }).add({ probability: 0.95, contradicts: false });
    expect(decideLink({ probability: 0.99, guarded: false, group: twoPeople }, config)).toEqual({ decision: 'POSSIBLE_MATCH', reason: 'group_conflict' });
    const even = new GroupTally().add(stated(true)).add(stated(false));
    expect(decideLink({ probability: 0.99, guarded: false, group: even }, config).decision).toBe('POSSIBLE_MATCH');
  });

  it('keeps a guarded pair (twins, siblings) at review whatever its weight', () => {
    expect(decideLink({ probability: 0.999, guarded: true }, config)).toEqual({ decision: 'POSSIBLE_MATCH', reason: 'sibling_guard' });
  });

  it('leaves a pair the guard keeps apart as plainly two people apart, with no review', () => {
    expect(decideLink({ probability: 0.999, guarded: true, keptApart: true }, config)).toEqual({ decision: 'NO_MATCH', reason: null });
  });
});

describe(birthDatesConflict.name, () => {
  it('takes two complete dates years apart for two people', () => {
    expect(birthDatesConflict(dob('1995-03-14'), dob('2001-08-30'))).toBe(true);
  });

  it('forgives a day–month swap, one mistyped digit, two transposed digits and a date within a month', () => {
    expect(birthDatesConflict(dob('1995-03-04'), dob('1995-04-03'))).toBe(false);
    expect(birthDatesConflict(dob('1995-03-14'), dob('1996-03-14'))).toBe(false);
    expect(birthDatesConflict(dob('1987-03-14'), dob('1978-03-14'))).toBe(false);
    expect(birthDatesConflict(dob('1995-03-14'), dob('1995-03-29'))).toBe(false);
  });

  it('lets a date marked as estimated rule nothing out', () => {
    expect(birthDatesConflict(dob('1995-06-01', true), dob('2001-08-30'))).toBe(false);
  });

  it('believes an unmarked 1 January date to its year, give or take two years', () => {
    expect(birthDatesConflict(dob('1995-01-01'), dob('2001-08-30'))).toBe(true);
    expect(birthDatesConflict(dob('2000-01-01'), dob('2001-08-30'))).toBe(false);
  });
});

describe(recordsConflict.name, () => {
  const decisive = { corroborated: false, datesDecisive: true };
  const a = prepareRecord({ recordId: 'a', firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '1995-03-14' });
  const b = prepareRecord({ recordId: 'b', firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '2001-08-30' });

  it('keeps apart two records sharing only a name whose complete dates of birth disagree', () => {
    expect(recordsConflict(a, b, decisive)).toBe(true);
  });

  it("does not when an address or identifier speaks for them, or when the source's dates are unreliable", () => {
    expect(recordsConflict(a, b, { corroborated: true, datesDecisive: true })).toBe(false);
    expect(recordsConflict(a, b, { corroborated: false, datesDecisive: false })).toBe(false);
  });

  it('lets equal valid NHS numbers outweigh the dates, and different valid ones keep records apart', () => {
    const nhs = (id: string, number: string, date: string) =>
      prepareRecord({ recordId: id, firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: date, nhsNumber: number });
    expect(recordsConflict(nhs('a', '9434765919', '1995-03-14'), nhs('b', '9434765919', '2001-08-30'), decisive)).toBe(false);
    expect(recordsConflict(nhs('a', '9434765919', '1995-03-14'), nhs('b', '4010232137', '1995-03-14'), decisive)).toBe(true);
  });
});

describe(choosePerson.name, () => {
  const candidate = (personId: string, decision: PersonCandidate['decision'], probability: number): PersonCandidate => ({
    personId,
    decision,
    probability,
    meanProbability: probability,
    recordId: `record of ${personId}`,
    explanation: { probability, decision } as unknown as PersonCandidate['explanation'],
  });
  const reviewed = (choice: ReturnType<typeof choosePerson>) => choice.reviews.map((r) => [r.candidate.personId, r.reason]);

  it('joins the one person that matches and sends the others to review', () => {
    const choice = choosePerson([candidate('a', 'MATCH', 0.97), candidate('b', 'POSSIBLE_MATCH', 0.5)], config);
    expect(choice).toMatchObject({ personId: 'a', status: 'MATCH', confirm: false });
    expect(choice.best?.personId).toBe('a');
    expect(reviewed(choice)).toEqual([['b', 'possible_match']]);
  });

  it('asks a reviewer to confirm a link below the confirmation threshold', () => {
    expect(choosePerson([candidate('a', 'MATCH', 0.8)], config)).toMatchObject({ personId: 'a', status: 'MATCH', confirm: true, reviews: [] });
  });

  it('opens the confirmation of the person joined first, then a review of each candidate not joined', () => {
    const choice = choosePerson([candidate('a', 'MATCH', 0.8), candidate('b', 'POSSIBLE_MATCH', 0.4)], config);
    expect(reviewsOf(choice, 'a').map((r) => [r.candidatePersonId, r.reason, r.probability])).toEqual([
      ['a', 'confirm_match', 0.8],
      ['b', 'possible_match', 0.4],
    ]);
    const sure = choosePerson([candidate('a', 'MATCH', 0.99)], config);
    expect(reviewsOf(sure, 'a')).toEqual([]);
    const none = choosePerson([candidate('a', 'POSSIBLE_MATCH', 0.6)], config);
    expect(reviewsOf(none, 'new person').map((r) => [r.candidatePersonId, r.reason])).toEqual([['a', 'possible_match']]);
  });

  it('joins the one person that matches even when the record has another of its own', () => {
    expect(choosePerson([candidate('a', 'MATCH', 0.97)], config, { personId: 'own', alone: true })).toMatchObject({ personId: 'a', status: 'MATCH' });
  });

  it('makes a new person when several persons match, and puts every one of them to review', () => {
    const choice = choosePerson([candidate('a', 'MATCH', 0.99), candidate('b', 'MATCH', 0.95)], config);
    expect(choice).toMatchObject({ personId: null, status: 'POSSIBLE_MATCH', confirm: false });
    expect(choice.best?.personId).toBe('a');
    expect(reviewed(choice)).toEqual([
      ['a', 'matches_several_persons'],
      ['b', 'matches_several_persons'],
    ]);
  });

  it('keeps its own person when that person is one of several it matches, and reviews the rest', () => {
    const choice = choosePerson([candidate('a', 'MATCH', 0.99), candidate('own', 'MATCH', 0.95)], config, { personId: 'own', alone: false });
    expect(choice).toMatchObject({ personId: 'own', status: 'POSSIBLE_MATCH' });
    expect(reviewed(choice)).toEqual([['a', 'matches_several_persons']]);
  });

  it('keeps its own person when it matches none but that person holds nothing else', () => {
    const choice = choosePerson([candidate('a', 'POSSIBLE_MATCH', 0.6)], config, { personId: 'own', alone: true });
    expect(choice).toMatchObject({ personId: 'own', status: 'POSSIBLE_MATCH' });
    expect(reviewed(choice)).toEqual([['a', 'possible_match']]);
  });

  it('leaves its own person for a new one when it no longer matches the others held there', () => {
    const choice = choosePerson([candidate('own', 'POSSIBLE_MATCH', 0.6)], config, { personId: 'own', alone: false });
    expect(choice).toMatchObject({ personId: null, status: 'POSSIBLE_MATCH' });
    expect(reviewed(choice)).toEqual([['own', 'possible_match']]);
  });

  it('makes a new person with nothing to review when there is no candidate', () => {
    expect(choosePerson([], config)).toEqual({ personId: null, status: 'NO_MATCH', best: undefined, confirm: false, reviews: [] });
  });

  describe(placeRecord.name, () => {
    it('explains a record placed with a person by that person, and sends every other candidate to review', () => {
      const choice = placeRecord([candidate('b', 'MATCH', 0.95), candidate('a', 'MATCH', 0.8)], config, 'a', 'MATCH');
      expect(choice).toMatchObject({ personId: 'a', status: 'MATCH', confirm: true, best: { personId: 'a' } });
      expect(reviewed(choice)).toEqual([['b', 'match_to_other_person']]);
      expect(reviewsOf(choice, 'a').map((r) => [r.candidatePersonId, r.reason])).toEqual([
        ['a', 'confirm_match'],
        ['b', 'match_to_other_person'],
      ]);
    });

    it('asks for no confirmation of a new person of its own, and explains it by the strongest candidate', () => {
      const choice = placeRecord([candidate('b', 'POSSIBLE_MATCH', 0.5)], config, 'new', 'POSSIBLE_MATCH');
      expect(choice).toMatchObject({ personId: 'new', confirm: false, best: { personId: 'b' } });
      expect(reviewed(choice)).toEqual([['b', 'possible_match']]);
    });
  });
});

import { followers, type HeldRecord, planRealignment, reviewsWanted, sameReviews } from './realignment';
import { idleRealignmentDue, modelGeneration, realignmentStep } from './model-trainer.service';

let rank = 0;
const held = (key: string, personId: string, cluster: string, movable = true): HeldRecord => ({
  key,
  personId,
  cluster,
  movable,
  reviewed: !movable,
  rank: rank++,
});

describe('planRealignment', () => {
  beforeEach(() => {
    rank = 0;
  });

  it('moves nothing when the persons already are the batch persons', () => {
    expect(planRealignment([held('a', 'P1', 'x'), held('b', 'P1', 'x'), held('c', 'P2', 'y')])).toEqual([]);
  });

  it('merges two persons the batch finds to be one into the one holding more of it', () => {
    const moves = planRealignment([held('a', 'P1', 'x'), held('b', 'P2', 'x'), held('c', 'P2', 'x')]);
    expect(moves).toEqual([{ key: 'a', from: 'P1', to: 'P2', cluster: 'x' }]);
  });

  it('on a tie, keeps the person whose records were decided first', () => {
    const moves = planRealignment([held('a', 'P1', 'x'), held('b', 'P2', 'x')]);
    expect(moves).toEqual([{ key: 'b', from: 'P2', to: 'P1', cluster: 'x' }]);
  });

  it('splits a person the batch finds to be two: the older part keeps the id, the rest a new person', () => {
    const moves = planRealignment([held('a', 'P1', 'x'), held('b', 'P1', 'x'), held('c', 'P1', 'y'), held('d', 'P1', 'y')]);
    expect(moves).toEqual([
      { key: 'c', from: 'P1', to: null, cluster: 'y' },
      { key: 'd', from: 'P1', to: null, cluster: 'y' },
    ]);
  });

  it("never moves a reviewer's decision, and gives its batch person the reviewer's person", () => {
    const moves = planRealignment([held('a', 'P1', 'x'), held('b', 'P1', 'x'), held('r', 'P2', 'x', false)]);
    expect(moves).toEqual([
      { key: 'a', from: 'P1', to: 'P2', cluster: 'x' },
      { key: 'b', from: 'P1', to: 'P2', cluster: 'x' },
    ]);
  });

  it('never moves a record out of a person a reviewer decided on', () => {
    // The batch keeps a apart from r, but a reviewer judged r's person with a in it.
    expect(planRealignment([held('a', 'P1', 'x'), held('r', 'P1', 'y', false)])).toEqual([]);
  });

  it("keeps a transfer where it is but moves the engine's records out of its person", () => {
    const transfer: HeldRecord = { key: 't', personId: 'P1', cluster: 'x', movable: false, rank: -1 };
    expect(planRealignment([transfer, held('a', 'P1', 'x'), held('b', 'P1', 'y')])).toEqual([{ key: 'b', from: 'P1', to: null, cluster: 'y' }]);
  });

  it('gives each current person to one batch person only', () => {
    const moves = planRealignment([held('a', 'P1', 'x'), held('b', 'P1', 'x'), held('c', 'P1', 'y'), held('d', 'P2', 'y')]);
    // y's best pair would be P1 (as old as P2, one record each) but x holds more of P1: y takes P2.
    expect(moves).toEqual([{ key: 'c', from: 'P1', to: 'P2', cluster: 'y' }]);
  });
});

describe('followers (records linked while the batch ran over a snapshot)', () => {
  beforeEach(() => {
    rank = 0;
  });
  const unseen = (key: string, personId: string) => ({ key, personId, movable: true, rank: rank++ });

  it('moves a record with its person when the batch joins that person to another', () => {
    const seen = [held('a', 'P1', 'x'), held('b', 'P2', 'x'), held('c', 'P2', 'x')];
    const late = followers(seen, [unseen('n', 'P1')]);
    expect(late).toEqual([{ key: 'n', personId: 'P1', cluster: 'x', movable: true, rank: 3, follows: true }]);
    expect(planRealignment([...seen, ...late])).toEqual([
      { key: 'a', from: 'P1', to: 'P2', cluster: 'x' },
      { key: 'n', from: 'P1', to: 'P2', cluster: 'x' },
    ]);
  });

  it('keeps a record where it is when its person keeps its id', () => {
    const seen = [held('a', 'P1', 'x'), held('b', 'P1', 'x'), held('c', 'P1', 'y'), held('d', 'P2', 'y')];
    const late = followers(seen, [unseen('n', 'P1')]);
    expect(late.map((r) => r.cluster)).toEqual(['x']);
    expect(planRealignment([...seen, ...late])).toEqual([{ key: 'c', from: 'P1', to: 'P2', cluster: 'y' }]);
  });

  it('gives late records no say in which person keeps its id', () => {
    const seen = [held('a', 'P1', 'x'), held('b', 'P2', 'x'), held('c', 'P2', 'x')];
    // Counted, three late records in P1 would outweigh b and c and pull them into P1.
    const late = followers(seen, [unseen('n1', 'P1'), unseen('n2', 'P1'), unseen('n3', 'P1')]);
    expect(planRealignment([...seen, ...late]).map((m) => [m.key, m.to])).toEqual([
      ['a', 'P2'],
      ['n1', 'P2'],
      ['n2', 'P2'],
      ['n3', 'P2'],
    ]);
  });

  it('follows the batch person holding most of its person, then the earliest decision', () => {
    const seen = [held('a', 'P1', 'y'), held('b', 'P1', 'x'), held('c', 'P1', 'x'), held('d', 'P2', 'z'), held('e', 'P2', 'w')];
    expect(followers(seen, [unseen('n', 'P1'), unseen('m', 'P2')]).map((r) => [r.key, r.cluster])).toEqual([
      ['n', 'x'],
      ['m', 'z'],
    ]);
  });

  it('leaves alone a record whose person the batch never saw', () => {
    expect(followers([held('a', 'P1', 'x')], [unseen('n', 'P9')])).toEqual([]);
  });
});

describe('when the index is realigned and the model learned', () => {
  it('realigns at 300 records and at every quarter of growth after, learning at every doubling', () => {
    expect(realignmentStep(299)).toBeNull();
    expect([300, 374, 375, 468, 469, 600].map(realignmentStep)).toEqual([0, 0, 1, 1, 2, 3]);
    expect([299, 300, 599, 600, 1200].map(modelGeneration)).toEqual([null, 0, 0, 1, 2]);
  });
});

describe('idleRealignmentDue', () => {
  it('realigns a quiet index once a hundredth of it, and at least one record, was linked one at a time', () => {
    expect(idleRealignmentDue(299, 0)).toBe(false);
    expect(idleRealignmentDue(300, 299)).toBe(false);
    expect(idleRealignmentDue(300, 297)).toBe(true);
    expect(idleRealignmentDue(10_000, 9_901)).toBe(false);
    expect(idleRealignmentDue(10_000, 9_900)).toBe(true);
    expect(idleRealignmentDue(10_000, 10_000)).toBe(false);
  });
});

describe('reviewsWanted', () => {
  const order = ['a', 'b', 'c', 'd'];
  const arrival = (key: string) => order.indexOf(key);
  const persons: Record<string, string> = { a: 'P1', b: 'P2', c: 'P2', d: 'P3' };
  const personOf = (key: string) => persons[key];
  const all = () => true;

  it("asks about the record that arrived later, against the other record's person", () => {
    const wanted = reviewsWanted([{ key: 'b', candidateKey: 'a', confirm: false, probability: 0.5 }], arrival, personOf, all);
    expect([...wanted]).toEqual([['b', [{ candidatePersonId: 'P1', confirm: false, via: 'a', probability: 0.5 }]]]);
    expect([...reviewsWanted([{ key: 'a', candidateKey: 'b', confirm: false, probability: 0.5 }], arrival, personOf, all)]).toEqual([...wanted]);
  });

  it('keeps a link to confirm only inside one person, and drops a pair the persons already joined', () => {
    const wanted = reviewsWanted(
      [
        { key: 'b', candidateKey: 'c', confirm: true, probability: 0.8 },
        { key: 'a', candidateKey: 'd', confirm: true, probability: 0.8 },
        { key: 'c', candidateKey: 'b', confirm: false, probability: 0.5 },
      ],
      arrival,
      personOf,
      all,
    );
    expect([...wanted]).toEqual([['c', [{ candidatePersonId: 'P2', confirm: true, via: 'b', probability: 0.8 }]]]);
  });

  it("asks once per person however many of its records pair with the record, and never about a reviewer's decision", () => {
    const pairs = [
      { key: 'd', candidateKey: 'b', confirm: false, probability: 0.5 },
      { key: 'd', candidateKey: 'c', confirm: false, probability: 0.5 },
    ];
    expect(reviewsWanted(pairs, arrival, personOf, all).get('d')).toEqual([{ candidatePersonId: 'P2', confirm: false, via: 'b', probability: 0.5 }]);
    expect(reviewsWanted(pairs, arrival, personOf, (key) => key !== 'd').size).toBe(0);
  });
});

describe('sameReviews', () => {
  it('compares by person and kind, in any order', () => {
    const x = { candidatePersonId: 'P1', confirm: false, probability: 0.5 };
    const y = { candidatePersonId: 'P2', confirm: true, probability: 0.8 };
    expect(sameReviews([x, y], [y, x])).toBe(true);
    expect(sameReviews([x], [x, y])).toBe(false);
    expect(sameReviews([{ ...y, confirm: false, probability: 0.5 }], [y])).toBe(false);
  });
});

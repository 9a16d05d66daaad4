import { DEFAULT_EPISODE_WINDOW_DAYS, EpisodeEntry, episodeOf, episodesOfNewPerson, nrmReferenceKey } from './episodes';

const rules = { windowDays: DEFAULT_EPISODE_WINDOW_DAYS };
const hub = (referredOn: string, nrmReference: string | null = null, key = 'referral:1'): EpisodeEntry => ({
  key,
  source: 'referral_hub',
  referredOn,
  nrmReference,
});
const ais = (referredOn: string, nrmReference: string | null = null, key = 'AIS:SC-000002'): EpisodeEntry => ({ key, source: 'ais', referredOn, nrmReference });
const lcs = (referredOn: string, nrmReference: string | null = null, key = 'LCS:400001'): EpisodeEntry => ({ key, source: 'lcs', referredOn, nrmReference });

describe('nrmReferenceKey', () => {
  it('compares references by their letters and digits only', () => {
    expect(nrmReferenceKey(' nrm-12 345 ')).toBe(nrmReferenceKey('NRM12345'));
  });

  it('is null for nothing recorded', () => {
    expect(nrmReferenceKey('  - ')).toBeNull();
    expect(nrmReferenceKey(null)).toBeNull();
  });
});

describe('episodeOf', () => {
  it('joins a record with the same Home Office reference, however far apart in time', () => {
    const join = episodeOf(ais('2026-09-01', 'NRM-1'), [hub('2026-01-10', 'nrm1')], [], rules);
    expect(join).toMatchObject({ joins: 'referral:1', rule: 'same_reference' });
    expect(join?.reason).toContain('Home Office reference');
  });

  it('joins the same person recorded from another source within the window', () => {
    expect(episodeOf(ais('2026-02-09'), [], [hub('2026-01-10')], rules)).toMatchObject({ joins: 'referral:1', rule: 'window' });
  });

  it('gives its reason in words the lead reads on the data-quality page: dates written out, the window in days', () => {
    expect(episodeOf(ais('2026-02-09'), [], [hub('2026-01-10')], rules)?.reason).toBe(
      'The same person, recorded in Referral Hub on 10 January 2026 and in AIS 30 days apart (within 30 days), with no different Home Office reference.',
    );
    expect(episodeOf(lcs('2026-01-10'), [], [hub('2026-01-10')], rules)?.reason).toContain(
      'recorded in Referral Hub on 10 January 2026 and in LCS the same day (within 30 days)',
    );
  });

  it('keeps apart records further apart than the window', () => {
    expect(episodeOf(ais('2026-02-10'), [], [hub('2026-01-10')], rules)).toBeNull();
  });

  it('follows a configured window', () => {
    expect(episodeOf(ais('2026-01-20'), [], [hub('2026-01-10')], { windowDays: 7 })).toBeNull();
  });

  it('keeps apart records of the same source: two AIS concerns are two referrals', () => {
    expect(episodeOf(ais('2026-01-11'), [], [ais('2026-01-10', null, 'AIS:SC-000001')], rules)).toBeNull();
  });

  it('keeps apart records whose Home Office references differ', () => {
    expect(episodeOf(ais('2026-01-11', 'NRM-2'), [], [hub('2026-01-10', 'NRM-1')], rules)).toBeNull();
  });

  it('joins within the window when only one of the two has a reference', () => {
    expect(episodeOf(lcs('2026-01-11', 'NRM-2'), [], [hub('2026-01-10')], rules)).toMatchObject({ rule: 'window' });
  });

  it('joins the nearest in time, the hub first among equals', () => {
    const join = episodeOf(lcs('2026-01-20'), [], [ais('2026-01-15'), hub('2026-01-24', null, 'referral:2'), hub('2026-01-02')], rules);
    expect(join?.joins).toBe('referral:2');
    expect(episodeOf(lcs('2026-01-20'), [], [ais('2026-01-15'), hub('2026-01-15')], rules)?.joins).toBe('referral:1');
  });

  it('joins only an episode recorded before it, so a later record never moves a counted referral to a later day', () => {
    // Recorded in AIS on 28 September and again in LCS on 2 October: the referral is September's, in AIS.
    const september = ais('2026-09-28');
    const october = lcs('2026-10-02');
    expect(episodeOf(september, [], [september, october], rules)).toBeNull();
    expect(episodeOf(october, [], [september, october], rules)).toMatchObject({ joins: september.key, rule: 'window' });
    // The same for one Home Office reference: the first record of it is the referral.
    const first = ais('2026-09-28', 'NRM-7');
    const second = lcs('2026-12-01', 'nrm 7');
    expect(episodeOf(first, [first, second], [], rules)).toBeNull();
    expect(episodeOf(second, [first, second], [], rules)).toMatchObject({ joins: first.key, rule: 'same_reference' });
    // Recorded the same day: one of them, the same one whichever is asked about.
    const twin = lcs('2026-09-28');
    expect([episodeOf(september, [], [september, twin], rules), episodeOf(twin, [], [september, twin], rules)].filter(Boolean)).toHaveLength(1);
  });

  it('joins a hub referral dated after the entry: the hub holds the referral itself and is never joined', () => {
    expect(episodeOf(ais('2026-01-05'), [], [hub('2026-01-10')], rules)).toMatchObject({ joins: 'referral:1', rule: 'window' });
  });

  it('never joins a hub referral into another episode', () => {
    expect(episodeOf(hub('2026-01-10', 'NRM-1'), [ais('2026-01-10', 'NRM-1')], [ais('2026-01-10')], rules)).toBeNull();
  });

  it('does not join a record to itself', () => {
    expect(episodeOf(ais('2026-01-10', 'NRM-1'), [ais('2026-01-10', 'NRM-1')], [], rules)).toBeNull();
  });
});

describe('episodesOfNewPerson', () => {
  /** The one-at-a-time decisions: each entry in order against the heads as they stand, followers moved. */
  function oneAtATime(entries: EpisodeEntry[]): Map<string, string> {
    const ordered = [...entries].sort((a, b) => a.referredOn.localeCompare(b.referredOn) || (a.key < b.key ? -1 : 1));
    const joined = new Map<string, string>();
    for (const entry of ordered) {
      const join = episodeOf(
        entry,
        [],
        ordered.filter((e) => !joined.has(e.key)),
        rules,
      );
      if (!join) continue;
      joined.set(entry.key, join.joins);
      for (const [k, target] of joined) if (target === entry.key) joined.set(k, join.joins);
    }
    return joined;
  }

  it('decides oldest first against every head, as one at a time: the later twin joins the first entry', () => {
    const entries = [ais('2026-03-01', null, 'AIS:SC-000001'), lcs('2026-03-05', null, 'LCS:400001'), ais('2026-08-01', null, 'AIS:SC-000009')];
    const joins = episodesOfNewPerson(entries, rules);
    expect([...joins.keys()]).toEqual(['LCS:400001']);
    expect(joins.get('LCS:400001')).toMatchObject({ joins: 'AIS:SC-000001', rule: 'window' });
  });

  it('decides as reconsidering the entries one at a time does, on many generated persons', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let person = 0; person < 300; person += 1) {
      const entries = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => {
        const day = `2026-0${1 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
        return next() < 0.5 ? ais(day, null, `AIS:SC-${String(i).padStart(6, '0')}`) : lcs(day, null, `LCS:${400000 + i}`);
      });
      const joins = episodesOfNewPerson(entries, rules);
      expect(new Map([...joins].map(([k, j]) => [k, j.joins]))).toEqual(oneAtATime(entries));
    }
  });

  it('refuses an entry with a Home Office reference', () => {
    expect(() => episodesOfNewPerson([ais('2026-03-01', 'NRM1')], rules)).toThrow(RangeError);
  });
});

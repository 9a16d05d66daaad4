import { DEFAULT_EPISODE_WINDOW_DAYS, EpisodeEntry, episodeOf, nrmReferenceKey } from './episodes';

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

  it('never joins a hub referral into another episode', () => {
    expect(episodeOf(hub('2026-01-10', 'NRM-1'), [ais('2026-01-10', 'NRM-1')], [ais('2026-01-10')], rules)).toBeNull();
  });

  it('does not join a record to itself', () => {
    expect(episodeOf(ais('2026-01-10', 'NRM-1'), [ais('2026-01-10', 'NRM-1')], [], rules)).toBeNull();
  });
});

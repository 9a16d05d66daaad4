import { tokenLifetimeSeconds } from './token-lifetime';

describe('tokenLifetimeSeconds', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43_200],
    ['1d', 86_400],
    ['600', 600],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(tokenLifetimeSeconds(text, 24)).toEqual({ seconds });
  });

  it('refuses a lifetime the service would refuse, naming the limit', () => {
    expect(tokenLifetimeSeconds('48h', 24)).toEqual({ error: expect.stringContaining('at most 24h') });
    expect(tokenLifetimeSeconds('2d', 24)).toEqual({ error: expect.stringContaining('AUTH_MAX_TOKEN_LIFETIME_HOURS') });
  });

  it('refuses what it cannot read and a lifetime of nothing', () => {
    expect(tokenLifetimeSeconds('twelve hours', 24)).toEqual({ error: expect.stringContaining('--ttl must be') });
    expect(tokenLifetimeSeconds('0h', 24)).toEqual({ error: '--ttl must be longer than 0' });
  });
});

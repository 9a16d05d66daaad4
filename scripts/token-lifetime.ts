const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A token lifetime as `npm run token` takes it (`90s`, `30m`, `12h`, `1d`, or seconds alone) in seconds, or an
 * error saying why not: unreadable, or longer than the service accepts (AUTH_MAX_TOKEN_LIFETIME_HOURS), which
 * would print a token every request then refuses as not valid.
 */
export function tokenLifetimeSeconds(text: string, maxHours: number): { seconds: number } | { error: string } {
  const match = /^(\d{1,9})\s*([smhd]?)$/.exec(text.trim());
  if (!match) return { error: `--ttl must be a number with s, m, h or d (for example 30m or 12h), not "${text}"` };
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
  if (seconds <= 0) return { error: '--ttl must be longer than 0' };
  if (seconds > maxHours * 3600) {
    return { error: `--ttl must be at most ${maxHours}h: the service refuses tokens that live longer (AUTH_MAX_TOKEN_LIFETIME_HOURS)` };
  }
  return { seconds };
}

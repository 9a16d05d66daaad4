import 'reflect-metadata';
import { signDevelopmentToken } from '@app/auth';
import { validateEnvironment } from '@app/config';
import { generatePopulation } from '@app/synth';
import { commandLine, wholeNumber } from './command-line';
import { referralBody } from './referral-body';

const USAGE = 'npm run demo -- [--persons 200] [--seed 7] [--intake http://127.0.0.1:3000]';

/**
 * `npm run demo -- [--persons 200] [--seed 7] [--intake http://127.0.0.1:3000]`: feeds a synthetic population
 * through the running system's API as first responders would, oldest referral first, then waits for routing and
 * linkage and compares the person count with the generator's truth. Start the system first with `npm start`.
 */
/** A request, waited out and sent again while the API answers 429 (the demo posts faster than a person types). */
async function send(url: string, init: RequestInit): Promise<Response> {
  for (;;) {
    const res = await fetch(url, init);
    if (res.status !== 429) return res;
    await res.arrayBuffer();
    const seconds = Number(res.headers.get('retry-after'));
    await new Promise((r) => setTimeout(r, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000));
  }
}

async function main(): Promise<void> {
  const values = commandLine(USAGE, {
    persons: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    intake: { type: 'string', default: 'http://127.0.0.1:3000' },
  });
  const personCount = wholeNumber(USAGE, 'persons', values.persons);
  const seed = wholeNumber(USAGE, 'seed', values.seed, 0);
  const env = validateEnvironment(process.env);
  const token = await signDevelopmentToken(
    { secret: env.AUTH_DEV_SECRET, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE },
    { sub: 'demo', role: 'safeguarding_lead' },
  );
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const today = new Date().toISOString().slice(0, 10);
  const population = generatePopulation({ seed, persons: personCount, until: today });
  // The generator can date a sibling's referral a little after its end date; the form refuses a referral in the future.
  const records = [...population.records]
    .filter((r) => (r.referralDate ?? '') <= today)
    .sort((a, b) => (a.referralDate ?? '').localeCompare(b.referralDate ?? ''));
  const ids: string[] = [];
  /** The true person of each accepted named referral: the count to compare with is over what the system holds. */
  const truePersons = new Set<string>();
  let refused = 0;
  for (const [i, record] of records.entries()) {
    const res = await send(`${values.intake}/v1/referrals`, { method: 'POST', headers, body: JSON.stringify(referralBody(record, i)) });
    if (res.status === 201) {
      ids.push(((await res.json()) as { id: string }).id);
      if (!record.anonymous) truePersons.add(population.truth.get(record.recordId) ?? record.recordId);
    } else {
      refused += 1;
      if (refused <= 3) process.stderr.write(`\nrefused: ${JSON.stringify(await res.json())}\n`);
    }
    if (i % 50 === 0) process.stderr.write(`\rposted ${i + 1}/${records.length}`);
  }
  process.stderr.write(`\rposted ${records.length}/${records.length} (${refused} refused by validation)\n`);
  const posted = new Set(ids);
  const deadline = Date.now() + 120_000;
  let persons = new Set<string>();
  let waiting = ids.length;
  while (Date.now() < deadline && waiting > 0) {
    await new Promise((r) => setTimeout(r, 2000));
    persons = new Set();
    waiting = 0;
    for (let page = 1; ; page += 1) {
      const res = await send(`${values.intake}/v1/referrals?pageSize=200&page=${page}`, { headers });
      if (!res.ok) throw new Error(`GET /v1/referrals answered ${res.status}`);
      const body = (await res.json()) as { items: Array<{ id: string; personId: string | null; kind: string; status: string }>; total: number };
      for (const r of body.items) {
        // Only this run's referrals: a system that already holds others (an earlier demo) would swell the count.
        if (!posted.has(r.id)) continue;
        if (r.personId) persons.add(r.personId);
        else if (r.kind === 'nrm' || r.status !== 'routed') waiting += 1;
      }
      if (page * 200 >= body.total) break;
    }
    process.stderr.write(`\rwaiting for routing and linkage: ${waiting} left   `);
  }
  // An anonymous notification is of someone who has a named referral too, and is linked to nobody.
  const anonymous = records.filter((r) => r.anonymous).length;
  const error = truePersons.size ? ((persons.size - truePersons.size) / truePersons.size) * 100 : 0;
  console.log(
    `\nreferrals accepted: ${ids.length} (${anonymous} of them anonymous notifications, linked to nobody); ` +
      `persons the named ones were linked to: ${persons.size}; true persons among them: ${truePersons.size} (${error >= 0 ? '+' : ''}${error.toFixed(1)}%)` +
      (records.length < population.records.length ? `; not sent, dated after today: ${population.records.length - records.length}` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

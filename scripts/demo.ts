import 'reflect-metadata';
import { signDevelopmentToken } from '@app/auth';
import { validateEnvironment } from '@app/config';
import { toAlpha3 } from '@app/countries';
import { ageOn } from '@app/domain';
import { type LinkageRecord, parseBirthDate } from '@app/matching';
import { generatePopulation } from '@app/synth';
import { commandLine, wholeNumber } from './command-line';

const USAGE = 'npm run demo -- [--persons 200] [--seed 7] [--intake http://127.0.0.1:3000]';

/**
 * `npm run demo -- [--persons 200] [--seed 7] [--intake http://127.0.0.1:3000]`: feeds a synthetic population
 * through the running system's API as first responders would, oldest referral first, then waits for routing and
 * linkage and compares the person count with the generator's truth. Start the system first with `npm start`.
 */
const ORGANISATIONS = [
  { organisation: 'Thames Valley Police', organisationType: 'police' },
  { organisation: 'Buckinghamshire Council', organisationType: 'local_authority' },
  { organisation: 'The Salvation Army', organisationType: 'ngo' },
  { organisation: 'Home Office - UK Visas and Immigration UKVI', organisationType: 'government_agency' },
] as const;

/**
 * A date of birth as the form takes it (YYYY-MM-DD): case-system extracts hold dd/MM/yyyy and YYYYMMDD too, which a
 * first responder would type the one way. A date that is no calendar date (a mistyped month) is left out, as the
 * form would refuse it.
 */
function isoBirthDate(value: string | null | undefined): string | undefined {
  const date = parseBirthDate(value);
  if (!date || date.dayNumber === null) return undefined;
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

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

function referralBody(record: LinkageRecord, i: number): Record<string, unknown> {
  const referredAt = `${record.referralDate ?? '2025-06-01'}T00:00:00Z`;
  const dateOfBirth = isoBirthDate(record.dateOfBirth);
  const age = dateOfBirth ? ageOn(dateOfBirth, referredAt.slice(0, 10)) : undefined;
  const child = record.sourceSystem === 'LCS' || (age !== undefined && age < 18);
  const org = ORGANISATIONS[i % ORGANISATIONS.length];
  const sex = record.sex === 'F' || record.sex === 'female' ? 'female' : record.sex === 'M' || record.sex === 'male' ? 'male' : 'other';
  const exploitation = {
    types: [['labour'], ['sexual'], ['criminal'], ['labour', 'criminal'], ['domestic_servitude']][i % 5],
    location: ['uk', 'overseas', 'uk_and_overseas'][i % 3],
  };
  const firstResponder = { ...org, name: 'Demo Responder', role: 'Modern slavery SPOC', email: 'spoc@demo.example' };
  // Legacy extracts hold nationality as a demonym or an alpha-2 code; the form takes alpha-3.
  const nationality = toAlpha3(record.nationality) ?? 'UNK';
  if (record.anonymous) {
    return {
      kind: 'dtn',
      firstResponder,
      age: { under18: 'no' },
      consentToNrm: false,
      potentialVictim: { gender: sex, nationality },
      exploitation,
      referredAt,
    };
  }
  return {
    kind: 'nrm',
    firstResponder,
    age: { under18: child ? 'yes' : 'no' },
    ...(child
      ? { localAuthorityContact: { authority: 'Buckinghamshire Council', phone: '01296 395000', email: 'mash@buckinghamshire.example' } }
      : { consentToNrm: true }),
    potentialVictim: {
      gender: sex,
      nationality,
      ...(record.nhsNumber ? { nhsNumber: record.nhsNumber } : {}),
      ...(record.firstName ? { firstName: record.firstName } : {}),
      ...(record.lastName ? { lastName: record.lastName } : {}),
      ...(record.aliases?.length ? { aliases: record.aliases } : {}),
      ...(dateOfBirth ? { dateOfBirth, dateOfBirthEstimated: record.dobEstimated === true } : {}),
    },
    exploitation,
    referredAt,
  };
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

import { toAlpha3 } from '@app/countries';
import { ageOn } from '@app/domain';
import { type LinkageRecord, normaliseNhsNumber, parseBirthDate } from '@app/matching';

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

/**
 * A case-system record as a first responder would type it into the referral form (POST /v1/referrals): the
 * generators' records fed through the API by `npm run demo` and `bench:e2e`. `i` spreads the organisations and
 * exploitation types across referrals.
 */
export function referralBody(record: LinkageRecord, i: number): Record<string, unknown> {
  const referredAt = `${record.referralDate ?? '2025-06-01'}T00:00:00Z`;
  // A year mistyped into the future (2082 for 2002) the form refuses too.
  const typed = isoBirthDate(record.dateOfBirth);
  const dateOfBirth = typed && typed <= referredAt.slice(0, 10) ? typed : undefined;
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
      // A mistyped number fails its check digit and the form refuses it: the first responder leaves it out.
      ...(normaliseNhsNumber(record.nhsNumber) ? { nhsNumber: record.nhsNumber } : {}),
      ...(record.firstName ? { firstName: record.firstName } : {}),
      ...(record.lastName ? { lastName: record.lastName } : {}),
      ...(record.aliases?.length ? { aliases: record.aliases } : {}),
      ...(dateOfBirth ? { dateOfBirth, dateOfBirthEstimated: record.dobEstimated === true } : {}),
    },
    exploitation,
    referredAt,
  };
}

import { toAlpha3, UNKNOWN_NATIONALITY } from '@app/countries';
import { BirthDate, parseBirthDate } from './dates';
import { foldText, NameKey, nameKey, nameTokens, parseName } from './names';

/** One case-system record as the linkage engine reads it: the interchange CSV fields, parsed. */
export interface LinkageRecord {
  readonly recordId: string;
  /** "AIS" or "LCS" (any text is accepted). */
  readonly sourceSystem?: string | null;
  readonly firstName?: string | null;
  readonly middleNames?: string | null;
  readonly lastName?: string | null;
  /** Other names the person is known by, e.g. the name used during exploitation. */
  readonly aliases?: readonly string[] | null;
  /** YYYY-MM-DD (YYYYMMDD and dd/MM/yyyy are read too). */
  readonly dateOfBirth?: string | null;
  readonly dobEstimated?: boolean | null;
  /** female/male/other, F/M, or blank. */
  readonly sex?: string | null;
  /** ISO code, country name or demonym. */
  readonly nationality?: string | null;
  readonly nhsNumber?: string | null;
  /** Any other identifier: a Home Office reference, or the other case system's record id after a transfer. */
  readonly otherId?: string | null;
  readonly postcode?: string | null;
  readonly address?: string | null;
  readonly referralDate?: string | null;
  /**
   * An anonymous Duty to Notify notification (MSA 2015 s.52(3)): never identity-matched. Records with nothing
   * that identifies a person (no name, no date of birth, no identifier) are treated the same way.
   */
  readonly anonymous?: boolean | null;
  /** "nrm" or "dtn" when known; a "dtn" with no name and no date of birth is anonymous. */
  readonly referralKind?: string | null;
}

export type Sex = 'F' | 'M' | 'O';

export interface Postcode {
  readonly full: string;
  /** Outward code plus the first inward digit ("HP19 8"), the unit a mistyped last letter still shares. */
  readonly sector: string | null;
  readonly district: string;
}

export interface AliasName {
  readonly given: NameKey | null;
  readonly family: NameKey | null;
}

/** A record normalised once so that every comparison on the hot path is plain string and number work. */
export interface PreparedRecord {
  readonly recordId: string;
  readonly sourceSystem: string | null;
  readonly anonymous: boolean;
  readonly given: NameKey | null;
  readonly family: NameKey | null;
  /** Every name token (given, middle, family), for blocking. */
  readonly nameTokens: readonly string[];
  /** Middle-name tokens: a given or family name token found among them counts as a shared token. */
  readonly middleTokens: readonly string[];
  readonly aliases: readonly AliasName[];
  readonly dob: BirthDate | null;
  readonly sex: Sex | null;
  readonly nationality: string | null;
  readonly nhsNumber: string | null;
  readonly otherId: string | null;
  /** The record id folded like an identifier, so another record's other_id can point at it. */
  readonly recordKey: string;
  readonly postcode: Postcode | null;
  readonly addressTokens: readonly string[] | null;
  readonly addressText: string | null;
  /**
   * What the case system says of the person's age when referred (LCS holds under-18s, AIS adults): the days
   * since 1970-01-01 the person must have been born after and/or before. Null when the system or referral
   * date is unknown, or for a record transferred from the other system (it keeps its first referral's date).
   */
  readonly bornAfter: number | null;
  readonly bornBefore: number | null;
}

export function parseSex(value: string | null | undefined): Sex | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return null;
  if (v === 'f' || v === 'female' || v === 'woman' || v === 'girl') return 'F';
  if (v === 'm' || v === 'male' || v === 'man' || v === 'boy') return 'M';
  // AIS codes gender "I" (indeterminate); the NRM form's "they do not identify as male or female" is "other".
  if (v === 'o' || v === 'other' || v === 'i' || v === 'x' || v === 'non-binary' || v === 'nonbinary') return 'O';
  return null;
}

/** NHS number: 10 digits whose last is the modulus-11 check digit of the first nine. */
export function normaliseNhsNumber(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10 || check !== Number(digits[9])) return null;
  return digits;
}

export function normaliseIdentifier(value: string | null | undefined): string | null {
  const v = (value ?? '').toUpperCase().replace(/[^A-Z0-9@.]/g, '');
  return v ? v : null;
}

export function parsePostcode(value: string | null | undefined): Postcode | null {
  const v = (value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!v) return null;
  if (v.length >= 5 && /\d[A-Z]{2}$/.test(v)) {
    const outward = v.slice(0, -3);
    return { full: v, sector: `${outward} ${v[v.length - 3]}`, district: outward };
  }
  return { full: v, sector: null, district: v };
}

function hasIdentity(record: LinkageRecord): boolean {
  const named = nameTokens(record.firstName).length + nameTokens(record.lastName).length > 0;
  return (
    named ||
    !!record.dateOfBirth?.trim() ||
    !!normaliseNhsNumber(record.nhsNumber) ||
    !!normaliseIdentifier(record.otherId) ||
    (record.aliases ?? []).some((a) => nameTokens(a).length > 0)
  );
}

/**
 * MSA 2015 s.52(3): an adult's Duty to Notify notification may not identify the person, so it is never matched
 * by identity. A record with no name, no date of birth and no identifier cannot be matched either.
 */
export function isAnonymous(record: LinkageRecord): boolean {
  if (record.anonymous === true) return true;
  const kind = (record.referralKind ?? '').trim().toLowerCase();
  if (kind === 'dtn' && nameTokens(record.firstName).length + nameTokens(record.lastName).length === 0 && !record.dateOfBirth?.trim()) {
    return true;
  }
  return !hasIdentity(record);
}

function parseAlias(alias: string, nationality: string | undefined): AliasName | null {
  const name = parseName(alias, null, null, nationality);
  const given = nameKey(name.given);
  const family = nameKey(name.family);
  return given || family ? { given, family } : null;
}

export function prepareRecord(record: LinkageRecord): PreparedRecord {
  const alpha3 = toAlpha3(record.nationality ?? undefined);
  const nationality = alpha3 && alpha3 !== UNKNOWN_NATIONALITY ? alpha3 : null;
  const name = parseName(record.firstName, record.middleNames, record.lastName, nationality ?? undefined);
  const addressText = foldText(record.address);
  const aliases: AliasName[] = [];
  for (const alias of record.aliases ?? []) {
    const parsed = parseAlias(alias, nationality ?? undefined);
    if (parsed) aliases.push(parsed);
  }
  return {
    recordId: record.recordId,
    sourceSystem: record.sourceSystem?.trim().toUpperCase() || null,
    anonymous: isAnonymous(record),
    given: nameKey(name.given),
    family: nameKey(name.family),
    nameTokens: [...name.given, ...name.middle, ...name.family],
    middleTokens: name.middle,
    aliases,
    dob: parseBirthDate(record.dateOfBirth, record.dobEstimated === true),
    sex: parseSex(record.sex),
    nationality,
    nhsNumber: normaliseNhsNumber(record.nhsNumber),
    otherId: normaliseIdentifier(record.otherId),
    recordKey: normaliseIdentifier(record.recordId) ?? record.recordId,
    postcode: parsePostcode(record.postcode),
    addressTokens: addressText ? addressText.split(' ') : null,
    addressText: addressText || null,
    ...birthBoundsFromSystem(record),
  };
}

const DAY_MS = 86_400_000;

/** Birth-date bounds a record's system and referral date imply (see `PreparedRecord.bornAfter`). */
function birthBoundsFromSystem(record: LinkageRecord): { bornAfter: number | null; bornBefore: number | null } {
  const none = { bornAfter: null, bornBefore: null };
  const system = record.sourceSystem?.trim().toUpperCase();
  if ((system !== 'AIS' && system !== 'LCS') || normaliseIdentifier(record.otherId)) return none;
  const referred = parseBirthDate(record.referralDate);
  if (!referred || referred.dayNumber === null) return none;
  const eighteenYearsBefore = Math.round(Date.UTC(referred.year - 18, referred.month - 1, referred.day) / DAY_MS);
  return system === 'LCS' ? { bornAfter: eighteenYearsBefore, bornBefore: referred.dayNumber } : { bornAfter: null, bornBefore: eighteenYearsBefore };
}

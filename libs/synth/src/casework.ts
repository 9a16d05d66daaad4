import type { LinkageRecord } from '@app/matching';
import { CULTURES, Culture, NamePool, REFERRED_NATIONALITIES, Weighted } from './casework-names';
import type { SyntheticPopulation } from './population';

/**
 * A second synthetic AIS/LCS population, built on purpose from assumptions other than `generatePopulation`'s, so
 * that the linkage engine is measured on data nobody tuned it to:
 * - names follow skewed, per-nationality frequencies with a long tail (Nguyễn for about four Vietnamese in ten),
 *   so people who share a full name occur at the rate the names imply, not by a planted rule;
 * - dates of birth are recorded as caseworkers record them: complete and right for most documented people,
 *   otherwise the age someone gives or is assessed at (an estimate on the referral's day and month), a
 *   1 January date in the year believed (a year either way), day and month swapped, one digit mistyped, or
 *   missing; an estimate is not always marked as one;
 * - names are written in either order, in romanised or cross-language forms (Krzysztof, Christopher), with or
 *   without diacritics, and patronymic names carry the father's or the grandfather's name;
 * - NHS numbers are valid (modulus 11) but occasionally mistyped; siblings and twins are referred together.
 * Records come in referral-date order, as a case system's history would be typed in.
 */
export interface CaseworkOptions {
  readonly seed: number;
  readonly persons: number;
  /** Latest referral date (YYYY-MM-DD). */
  readonly until?: string;
}

type Rng = () => number;

/** xorshift128+ style generator with a splitmix seed: a different stream from the other generator's. */
function splitmixRandom(seed: number): Rng {
  let s = BigInt.asUintN(64, BigInt(seed) * 0x9e3779b97f4a7c15n + 0x632be59bd9b4e019n);
  const next64 = (): bigint => {
    s = BigInt.asUintN(64, s + 0x9e3779b97f4a7c15n);
    let z = s;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  };
  return () => Number(next64() >> 11n) / 2 ** 53;
}

class Dice {
  constructor(private readonly rng: Rng) {}
  u(): number {
    return this.rng();
  }
  p(probability: number): boolean {
    return this.rng() < probability;
  }
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }
  byShare<T>(items: readonly T[], share: (t: T) => number): T {
    const total = items.reduce((s, t) => s + share(t), 0);
    let x = this.rng() * total;
    for (const t of items) {
      x -= share(t);
      if (x < 0) return t;
    }
    return items[items.length - 1];
  }
}

const DAY = 86_400_000;

/** Head names without a published share get a Zipf weight from their rank (share ∝ 1 / rank). */
function weights(pool: NamePool): Weighted[] {
  const explicit = pool.head.filter((h): h is Weighted => typeof h !== 'string');
  const scale = explicit.length ? explicit[explicit.length - 1][1] * explicit.length : 10;
  return pool.head.map((h, i) => (typeof h === 'string' ? [h, scale / (i + 1)] : h));
}

const weightCache = new WeakMap<NamePool, Weighted[]>();

function drawName(dice: Dice, pool: NamePool): string {
  if (dice.p(pool.tailShare)) return pool.tail.map((part) => dice.one(part)).join('');
  let w = weightCache.get(pool);
  if (!w) weightCache.set(pool, (w = weights(pool)));
  return dice.byShare(w, (x) => x[1])[0];
}

interface Person {
  readonly id: string;
  readonly alpha3: string;
  readonly culture: Culture;
  readonly sex: 'male' | 'female';
  readonly given: string;
  /** Vietnamese Văn/Thị and the like, or a British middle name. */
  readonly middle: string | null;
  readonly family: string;
  /** Patronymic cultures: the father's and grandfather's given names stand where a family name would. */
  readonly grandfather: string | null;
  readonly dob: Date;
  /** Holds a document with the date of birth: otherwise the date is given, assessed or guessed. */
  readonly documented: boolean;
  /** The date the person says, when undocumented: usually right, sometimes a year out. */
  readonly statedDob: Date;
  readonly nhsNumber: string | null;
  readonly postcode: string;
  readonly firstReferral: Date;
  readonly streetName: string | null;
}

function validNhsNumber(dice: Dice): string {
  for (;;) {
    const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? dice.between(3, 7) : dice.between(0, 9)));
    let check = 11 - (d.reduce((s, x, i) => s + x * (10 - i), 0) % 11);
    if (check === 11) check = 0;
    if (check !== 10) return `${d.join('')}${check}`;
  }
}

/** A keying error in a ten-digit number: one digit changed or two neighbours swapped (usually fails the check). */
function mistypeDigits(dice: Dice, digits: string): string {
  const i = dice.between(0, digits.length - 2);
  if (dice.p(0.5)) return digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
  return digits.slice(0, i) + String((Number(digits[i]) + dice.between(1, 9)) % 10) + digits.slice(i + 1);
}

const DISTRICTS = [
  'HP11',
  'HP12',
  'HP13',
  'HP19',
  'HP20',
  'HP21',
  'HP22',
  'HP5',
  'HP6',
  'SL1',
  'SL2',
  'SL6',
  'SL9',
  'MK17',
  'MK18',
  'LU7',
  'E7',
  'IG1',
  'B21',
  'M14',
  'LE5',
  'NG7',
  'CV1',
  'LS8',
];

function postcodeOf(dice: Dice): string {
  const l = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${dice.one(DISTRICTS)} ${dice.between(0, 9)}${l[dice.between(0, l.length - 1)]}${l[dice.between(0, l.length - 1)]}`;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function plainLetters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'))
    .replace(/[Łł]/g, (c) => (c === 'Ł' ? 'L' : 'l'));
}

function originOf(nationality: (typeof REFERRED_NATIONALITIES)[number]): Pick<Person, 'alpha3' | 'culture'> {
  return { alpha3: nationality.alpha3, culture: CULTURES[nationality.culture] };
}

function makePerson(dice: Dice, id: string, until: Date, sibling?: Person, twin = false): Person {
  const { alpha3, culture } = sibling ?? originOf(dice.byShare(REFERRED_NATIONALITIES, (n) => n.share));
  // 2023 referrals: about three in four male.
  const sex = dice.p(0.76) ? 'male' : 'female';
  let given = drawName(dice, culture[sex]);
  for (let i = 0; sibling && i < 10 && plainLetters(given) === plainLetters(sibling.given); i++) given = drawName(dice, culture[sex]);
  let family: string;
  if (culture.family) family = sibling?.family ?? drawName(dice, culture.family);
  else {
    // The father's given name stands as the family name; drawn for a sibling too, which keeps the dice in step.
    const father = drawName(dice, culture.male);
    family = sibling?.family ?? father;
  }
  const grandfather = culture.family ? null : (sibling?.grandfather ?? drawName(dice, culture.male));
  let middle: string | null = null;
  if (culture.sexMiddle) middle = dice.byShare(culture.sexMiddle[sex], (x) => x[1])[0];
  else if (culture.key === 'british' && dice.p(0.35)) middle = drawName(dice, culture[dice.p(0.5) ? 'male' : 'female']);
  const firstReferral = sibling
    ? new Date(sibling.firstReferral.getTime() + dice.between(0, 60) * DAY)
    : new Date(until.getTime() - dice.between(20, 7 * 365) * DAY);
  // Just under half of referrals are of people exploited as children; adults mostly 18–40.
  const ageYears = dice.p(0.45) ? dice.between(13, 17) : dice.p(0.8) ? dice.between(18, 40) : dice.between(41, 65);
  let dob = new Date(firstReferral.getTime() - (ageYears * 365.25 + dice.between(0, 364)) * DAY);
  if (sibling) dob = twin ? sibling.dob : new Date(sibling.dob.getTime() + (dice.p(0.5) ? 1 : -1) * dice.between(330, 8 * 365) * DAY);
  const documented = twin && sibling ? sibling.documented : dice.p(alpha3 === 'GBR' ? 0.96 : ['ROU', 'POL', 'ALB'].includes(alpha3) ? 0.85 : 0.45);
  const statedDob = documented || dice.p(0.75) ? dob : new Date(dob.getTime() + (dice.p(0.5) ? 1 : -1) * dice.between(200, 800) * DAY);
  return {
    id,
    alpha3,
    culture,
    sex,
    given,
    middle,
    family,
    grandfather,
    dob,
    documented,
    statedDob,
    nhsNumber: dice.p(alpha3 === 'GBR' ? 0.85 : 0.3) ? validNhsNumber(dice) : null,
    postcode: sibling && dice.p(0.8) ? sibling.postcode : postcodeOf(dice),
    firstReferral,
    streetName: dice.p(0.04) ? dice.one(['Kiddo', 'Red', 'Smiley', 'Snow', 'Prince', 'Dolly', 'Shorty', 'Boss']) : null,
  };
}

/** One form of a name as a clerk writes it: a known other form, without diacritics, or with a keying slip. */
function writeName(dice: Dice, culture: Culture, name: string, otherFormChance: number): string {
  let out = name;
  const forms = culture.forms[name];
  if (forms && dice.p(otherFormChance)) out = dice.one(forms);
  if (dice.p(0.45)) out = plainLetters(out);
  if (out.length >= 4 && dice.p(0.035)) {
    const i = dice.between(1, out.length - 2);
    const kind = dice.between(0, 2);
    out =
      kind === 0
        ? out.slice(0, i) + 'aeinorstu'[dice.between(0, 8)] + out.slice(i + 1)
        : kind === 1
          ? out.slice(0, i) + out.slice(i + 1)
          : out.slice(0, i - 1) + out[i] + out[i - 1] + out.slice(i + 1);
  }
  return out;
}

function addYears(d: Date, years: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
}

/** The date of birth and estimate flag on one record. */
function recordedDob(dice: Dice, p: Person, referral: Date): { dob: string | null; estimated: boolean } {
  if (dice.p(p.documented ? 0.03 : 0.1)) return { dob: null, estimated: false };
  if (p.documented) {
    const r = dice.u();
    const [y, m, d] = iso(p.dob).split('-');
    if (r < 0.025 && Number(d) <= 12 && d !== m) return { dob: `${y}-${d}-${m}`, estimated: false };
    if (r < 0.055) {
      // One digit of the day, month or the year's last two mistyped, kept only if it still reads as a date.
      const digits = `${y}${m}${d}`;
      const pos = dice.one([2, 3, 4, 5, 6, 7]);
      const typed = digits.slice(0, pos) + String((Number(digits[pos]) + dice.between(1, 9)) % 10) + digits.slice(pos + 1);
      const ty = typed.slice(0, 4);
      const tm = typed.slice(4, 6);
      const td = typed.slice(6, 8);
      if (Number(tm) >= 1 && Number(tm) <= 12 && Number(td) >= 1 && Number(td) <= 28) return { dob: `${ty}-${tm}-${td}`, estimated: false };
    }
    // A clerk without the document to hand: only the year, on 1 January.
    if (r < 0.075) return { dob: `${y}-01-01`, estimated: dice.p(0.3) };
    return { dob: iso(p.dob), estimated: false };
  }
  const r = dice.u();
  if (r < 0.45) return { dob: iso(p.statedDob), estimated: dice.p(0.1) };
  if (r < 0.75) {
    // 1 January in the year believed, often a year out; marked as an estimate only sometimes.
    const year = p.statedDob.getUTCFullYear() + (dice.p(0.6) ? 0 : dice.p(0.5) ? 1 : -1);
    return { dob: `${year}-01-01`, estimated: dice.p(0.35) };
  }
  // An age given or assessed at referral, turned into a date on the referral's day and month.
  const age = Math.floor((referral.getTime() - p.dob.getTime()) / (365.25 * DAY)) + dice.one([-2, -1, 0, 0, 0, 1, 1, 2]);
  return { dob: iso(addYears(referral, -age)), estimated: dice.p(0.75) };
}

function nationalityText(dice: Dice, alpha3: string): string | null {
  if (dice.p(0.06)) return null;
  return dice.p(0.7)
    ? alpha3
    : ({
        GBR: 'United Kingdom',
        ALB: 'Albania',
        ERI: 'Eritrea',
        VNM: 'Vietnam',
        SDN: 'Sudan',
        AFG: 'Afghanistan',
        IRQ: 'Iraq',
        IRN: 'Iran',
        ETH: 'Ethiopia',
        ROU: 'Romania',
        POL: 'Poland',
        NGA: 'Nigeria',
        IND: 'India',
        CHN: 'China',
        EGY: 'Egypt',
        SYR: 'Syria',
      }[alpha3] ?? alpha3);
}

function recordOf(dice: Dice, p: Person, system: 'AIS' | 'LCS', recordId: string, referral: Date, otherId: string | null): LinkageRecord {
  const c = p.culture;
  // Cross-language or other romanised forms: commoner in the adults' system, where people anglicise.
  let given = writeName(dice, c, p.given, system === 'AIS' ? 0.18 : 0.1);
  let family = writeName(dice, c, p.family, 0.12);
  let middle: string | null = p.middle && dice.p(0.6) ? writeName(dice, c, p.middle, 0) : null;
  if (!c.family && p.grandfather) {
    const r = dice.u();
    if (r < 0.15) family = writeName(dice, c, p.grandfather, 0.1);
    else if (r < 0.3) family = `${family} ${writeName(dice, c, p.grandfather, 0.1)}`;
    else if (r < 0.38) middle = family;
  }
  if (c.sexMiddle && middle) {
    // Vietnamese middle names travel with the given name about as often as on their own.
    if (dice.p(0.4)) {
      given = `${middle} ${given}`;
      middle = null;
    }
  }
  let first: string | null = given;
  let last: string | null = family;
  if (dice.p(c.familyFirst ? 0.35 : 0.04)) [first, last] = [family, given];
  if (dice.p(0.02)) {
    first = [first, middle, last].filter(Boolean).join(' ');
    last = null;
    middle = null;
  }
  if (dice.p(0.3)) last = last?.toUpperCase() ?? null;
  const { dob, estimated } = recordedDob(dice, p, referral);
  let nhs: string | null = null;
  if (p.nhsNumber && dice.p(system === 'LCS' ? 0.75 : 0.5)) nhs = dice.p(0.03) ? mistypeDigits(dice, p.nhsNumber) : p.nhsNumber;
  return {
    recordId,
    sourceSystem: system,
    firstName: first,
    middleNames: middle,
    lastName: last,
    aliases: p.streetName && dice.p(0.5) ? [p.streetName] : null,
    dateOfBirth: dob,
    dobEstimated: estimated,
    sex: dice.p(0.04) ? null : system === 'AIS' ? (p.sex === 'male' ? 'M' : 'F') : p.sex,
    nationality: nationalityText(dice, p.alpha3),
    nhsNumber: nhs,
    otherId,
    postcode: dice.p(0.3) ? null : dice.p(0.3) ? postcodeOf(dice) : p.postcode,
    address: null,
    referralDate: iso(referral),
  };
}

/** Records per person: most people are referred once, a few many times (a long-tailed count). */
function referralCount(dice: Dice): number {
  let n = 1;
  while (n < 7 && dice.p(n === 1 ? 0.42 : 0.38)) n++;
  return n;
}

export function generateCaseworkPopulation(options: CaseworkOptions): SyntheticPopulation {
  const dice = new Dice(splitmixRandom(options.seed));
  const until = new Date(`${options.until ?? '2025-06-30'}T00:00:00Z`);
  const persons: Person[] = [];
  const nextId = (): string => `CW${String(persons.length + 1).padStart(7, '0')}`;
  while (persons.length < options.persons) {
    const first = makePerson(dice, nextId(), until);
    persons.push(first);
    // Siblings trafficked together are referred together; one set in eight is twins.
    if (dice.p(0.07)) {
      const more = dice.p(0.75) ? 1 : dice.between(2, 3);
      for (let i = 0; i < more && persons.length < options.persons; i++) persons.push(makePerson(dice, nextId(), until, first, i === 0 && dice.p(0.12)));
    }
  }
  const pending: { when: Date; make: (id: string) => LinkageRecord; person: string; system: 'AIS' | 'LCS'; key: number }[] = [];
  let key = 0;
  for (const p of persons) {
    const count = referralCount(dice);
    let when = p.firstReferral;
    let lcsId: string | null = null;
    for (let i = 0; i < count && when <= until; i++) {
      const child = (when.getTime() - p.dob.getTime()) / (365.25 * DAY) < 18;
      const system = child ? 'LCS' : 'AIS';
      const k = key++;
      const referral = when;
      // A transfer to adults' services carries the children's record id about half the time.
      const transfer = system === 'AIS' && lcsId !== null && dice.p(0.5) ? lcsId : null;
      pending.push({ when: referral, person: p.id, system, key: k, make: (id) => recordOf(dice, p, system, id, referral, transfer) });
      if (system === 'LCS') lcsId = `#${k}`;
      when = new Date(when.getTime() + dice.between(30, 900) * DAY);
    }
  }
  pending.sort((a, b) => a.when.getTime() - b.when.getTime() || a.key - b.key);
  const idOfKey = new Map<string, string>();
  let ais = 0;
  let lcs = 0;
  const records: LinkageRecord[] = [];
  const truth = new Map<string, string>();
  for (const item of pending) {
    const id = item.system === 'AIS' ? `A${String(++ais).padStart(7, '0')}` : `L${String(++lcs).padStart(7, '0')}`;
    idOfKey.set(`#${item.key}`, id);
    const record = item.make(id);
    records.push(record.otherId ? { ...record, otherId: idOfKey.get(record.otherId) ?? null } : record);
    truth.set(id, item.person);
  }
  return { records, truth, persons: persons.length };
}

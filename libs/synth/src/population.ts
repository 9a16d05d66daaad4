import { countryByAlpha3 } from '@app/countries';
import type { LinkageRecord } from '@app/matching';
import { NATIONALITY_MIX, NamingTradition, TRADITIONS } from './names';

export interface SynthOptions {
  readonly seed: number;
  /** Number of distinct people (siblings count separately). */
  readonly persons: number;
  /** Latest referral date in the histories (YYYY-MM-DD). */
  readonly until?: string;
}

export interface SyntheticPopulation {
  /** AIS and LCS records in interchange form, shuffled. */
  readonly records: readonly LinkageRecord[];
  /** record id → true person id. Each anonymous notification is its own entity: it can never be linked. */
  readonly truth: ReadonlyMap<string, string>;
  readonly persons: number;
}

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(private readonly rng: Rng) {}
  next(): number {
    return this.rng();
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }
  weighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let x = this.rng() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return items[items.length - 1];
  }
}

interface Person {
  readonly id: string;
  readonly alpha3: string;
  readonly tradition: NamingTradition;
  readonly sex: 'female' | 'male' | 'other';
  readonly given: string;
  readonly middle: string | null;
  /** Family name, or the father's given name in a patronymic tradition. */
  readonly family: string;
  readonly grandfather: string | null;
  readonly dob: Date;
  readonly dobEstimated: boolean;
  readonly nhsNumber: string | null;
  readonly postcode: string;
  readonly firstReferral: Date;
  readonly alias: string | null;
}

const DAY = 86_400_000;
const OUTWARD = [
  'HP5',
  'HP6',
  'HP7',
  'HP8',
  'HP9',
  'HP10',
  'HP11',
  'HP12',
  'HP13',
  'HP14',
  'HP15',
  'HP16',
  'HP17',
  'HP18',
  'HP19',
  'HP20',
  'HP21',
  'HP22',
  'HP27',
  'SL0',
  'SL1',
  'SL2',
  'SL3',
  'SL7',
  'SL8',
  'SL9',
  'MK1',
  'MK2',
  'MK3',
  'MK6',
  'MK18',
  'OX9',
  'LU7',
  'RG9',
  'E1',
  'E6',
  'N17',
  'NW10',
  'SE15',
  'B10',
  'M8',
  'LS9',
  'BD3',
  'L8',
  'G42',
  'CF24',
];
const STREET_NICKNAMES = ['Kiki', 'Bobo', 'Lulu', 'Tiny', 'Prince', 'Baby', 'Sunny', 'Rocky', 'Max', 'Lucky', 'Coco', 'Nina'];

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function nhsNumber(draw: Draw): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? draw.int(4, 9) : draw.int(0, 9)));
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    let check = 11 - (sum % 11);
    if (check === 11) check = 0;
    if (check === 10) continue;
    return digits.join('') + String(check);
  }
}

function postcode(draw: Draw): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${draw.pick(OUTWARD)} ${draw.int(1, 9)}${draw.pick(letters.split(''))}${draw.pick(letters.split(''))}`;
}

/** One keying error: a substituted, dropped, doubled or transposed letter. */
function typo(draw: Draw, word: string): string {
  if (word.length < 3) return word;
  const i = draw.int(1, word.length - 2);
  const letters = 'abcdefghijklmnoprstuvwy';
  switch (draw.int(0, 3)) {
    case 0:
      return word.slice(0, i) + draw.pick(letters.split('')) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  }
}

function respell(draw: Draw, tradition: NamingTradition, name: string, p: number): string {
  return name
    .split(' ')
    .map((part) => {
      const options = tradition.spellings?.[part];
      return options && draw.chance(p) ? draw.pick(options) : part;
    })
    .join(' ');
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
}

/**
 * Whether two given names are too alike for parents to give to two of their children: the same name, or one
 * name in two spellings (Zac and Zak). Compared on the last part, since Vietnamese siblings often share the
 * middle name (Văn, Thị) and differ in the given name.
 */
function tooAlike(a: string, b: string): boolean {
  const last = (name: string): string => stripDiacritics(name).toLowerCase().split(' ').pop() ?? '';
  // The consonants as heard: Zac and Zak, Ali and Aly, Mohamed and Muhammad come out the same.
  const sound = (name: string): string =>
    name
      .replace(/[ck]+|q/g, 'k')
      .replace(/z/g, 's')
      .replace(/[aeiouyhw]/g, '')
      .replace(/(.)\1+/g, '$1');
  const x = last(a);
  const y = last(b);
  return x === y || x.slice(0, 3) === y.slice(0, 3) || sound(x) === sound(y);
}

function givenName(draw: Draw, tradition: NamingTradition, sex: Person['sex'], sibling: string | null): string {
  const pool = sex === 'female' ? tradition.female : sex === 'male' ? tradition.male : draw.pick([tradition.female, tradition.male]);
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = draw.pick(pool);
    if (sibling === null || !tooAlike(name, sibling)) return name;
  }
  return draw.pick(pool);
}

// Polish family names ending -ski, -cki, -dzki take -ska, -cka, -dzka for women (Kowalski, Kowalska).
function familyNameFor(tradition: NamingTradition, family: string, sex: Person['sex']): string {
  if (tradition !== TRADITIONS.polish) return family;
  const masculine = family.replace(/(sk|ck|dzk)a$/, '$1i');
  return sex === 'female' ? masculine.replace(/(sk|ck|dzk)i$/, '$1a') : masculine;
}

function originOf(mix: (typeof NATIONALITY_MIX)[number]): Pick<Person, 'alpha3' | 'tradition'> {
  return { alpha3: mix.alpha3, tradition: TRADITIONS[mix.tradition] };
}

function newPerson(draw: Draw, id: string, until: Date, family?: Person, twin = false): Person {
  const { alpha3, tradition } = family ?? originOf(draw.weighted(NATIONALITY_MIX));
  const sex = draw.chance(0.01) ? 'other' : draw.chance(0.74) ? 'male' : 'female';
  const firstReferral = new Date(until.getTime() - draw.int(30, 6 * 365) * DAY);
  const child = draw.chance(0.44);
  const age = child ? draw.int(12, 17) : draw.int(18, 30) + (draw.chance(0.4) ? draw.int(0, 25) : 0);
  let dob = new Date(firstReferral.getTime() - (age * 365.25 + draw.int(0, 364)) * DAY);
  if (family) {
    dob = twin ? family.dob : new Date(family.dob.getTime() + draw.pick([-1, 1]) * draw.int(300, 6 * 365) * DAY);
  }
  const given = givenName(draw, tradition, sex, family ? family.given : null);
  const patronymicFather = tradition.patronymic ? draw.pick(tradition.male) : null;
  const estimated = alpha3 !== 'GBR' && draw.chance(child ? 0.25 : 0.1);
  return {
    id,
    alpha3,
    tradition,
    sex,
    given,
    middle: tradition === TRADITIONS.british && draw.chance(0.3) ? draw.pick(sex === 'female' ? tradition.female : tradition.male) : null,
    family: familyNameFor(tradition, family?.family ?? patronymicFather ?? draw.pick(tradition.family), sex),
    grandfather: family?.grandfather ?? (tradition.patronymic ? draw.pick(tradition.male) : null),
    dob,
    dobEstimated: family && twin ? family.dobEstimated : estimated,
    nhsNumber: draw.chance(alpha3 === 'GBR' ? 0.7 : 0.2) ? nhsNumber(draw) : null,
    postcode: family?.postcode ?? postcode(draw),
    firstReferral: family ? new Date(family.firstReferral.getTime() + draw.int(-200, 200) * DAY) : firstReferral,
    alias: draw.chance(0.1) ? draw.pick(STREET_NICKNAMES) : null,
  };
}

// Nationalities clerks confuse: a neighbouring country, or the other half of a dual nationality.
const CONFUSED_WITH: Readonly<Record<string, string>> = {
  SDN: 'SSD',
  ERI: 'ETH',
  ETH: 'ERI',
  AFG: 'IRN',
  IRN: 'AFG',
  IRQ: 'SYR',
  SYR: 'IRQ',
  ALB: 'GRC',
  VNM: 'CHN',
  ROU: 'MDA',
  GBR: 'IRL',
  IND: 'PAK',
  PAK: 'IND',
};

function nationalityAsRecorded(draw: Draw, recorded: string, system: 'AIS' | 'LCS'): string | null {
  if (draw.chance(0.05)) return null;
  const alpha3 = draw.chance(0.02) ? (CONFUSED_WITH[recorded] ?? recorded) : recorded;
  const country = countryByAlpha3(alpha3);
  if (!country) return alpha3;
  // AIS holds nationality as text ("Albanian"), LCS as ISO alpha-2; other exports mix codes and names.
  if (draw.chance(0.7)) return system === 'AIS' ? (alpha3 === 'GBR' ? 'British' : country.demonym) : country.alpha2;
  return draw.pick([country.alpha3, country.name, country.demonym.toUpperCase()]);
}

interface RecordContext {
  readonly system: 'AIS' | 'LCS';
  readonly recordId: string;
  readonly referral: Date;
  readonly otherId: string | null;
}

/** One case-system record of a person, with the errors and conventions of the clerk who keyed it. */
function recordOf(draw: Draw, p: Person, ctx: RecordContext): LinkageRecord {
  const t = p.tradition;
  let given = respell(draw, t, p.given, 0.4);
  let family = respell(draw, t, p.family, 0.4);
  const middle: string | null = p.middle && draw.chance(0.6) ? p.middle : null;
  const aliases: string[] = [];
  if (t.patronymic) {
    const grandfather = p.grandfather ? respell(draw, t, p.grandfather, 0.3) : null;
    if (grandfather && draw.chance(0.2)) family = grandfather;
    else if (grandfather && draw.chance(0.1)) {
      given = `${given} ${family}`;
      family = grandfather;
    }
  }
  if (t === TRADITIONS.vietnamese && draw.chance(0.5)) family = stripDiacritics(family);
  if (draw.chance(0.06)) given = typo(draw, given);
  if (draw.chance(0.06)) family = typo(draw, family);
  if (p.alias && draw.chance(0.6)) aliases.push(p.alias);
  if (p.alias && draw.chance(0.05)) {
    // Known only by the name used during exploitation on this record.
    aliases.length = 0;
    aliases.push(given);
    given = p.alias;
  }
  let first: string | null = given;
  let last: string | null = family;
  if (t.order === 'family-first') {
    const r = draw.next();
    if (r < 0.3) {
      first = family;
      last = given;
    } else if (r < 0.4) {
      first = `${family} ${given}`;
      last = null;
    }
  } else if (draw.chance(0.02)) {
    first = family;
    last = given;
  }
  if (ctx.system === 'LCS' && last && draw.chance(0.5)) last = last.toUpperCase();
  if (draw.chance(0.01)) first = null;
  let dob: string | null = iso(p.dob);
  let estimated = false;
  if (p.dobEstimated) {
    const year = p.dob.getUTCFullYear() + (draw.chance(0.5) ? 0 : draw.pick([-1, 1]));
    dob = `${year}-01-01`;
    estimated = draw.chance(0.8);
  } else if (draw.chance(0.03)) {
    dob = iso(p.dob).replace(/\d(?=\d?$)/, (d) => String((Number(d) + draw.int(1, 8)) % 10));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dob)) dob = iso(p.dob);
  } else if (draw.chance(0.02) && p.dob.getUTCDate() <= 12) {
    const [y, m, d] = iso(p.dob).split('-');
    dob = `${y}-${d}-${m}`;
  }
  if (draw.chance(0.04)) dob = null;
  let sex: string | null = draw.chance(0.03) ? null : p.sex;
  if (sex && ctx.system === 'AIS' && draw.chance(0.5)) sex = sex === 'female' ? 'F' : sex === 'male' ? 'M' : 'other';
  const moved = draw.chance(0.25);
  return {
    recordId: ctx.recordId,
    sourceSystem: ctx.system,
    firstName: first,
    middleNames: middle,
    lastName: last,
    aliases: aliases.length ? aliases : null,
    dateOfBirth: dob,
    dobEstimated: estimated,
    sex,
    nationality: nationalityAsRecorded(draw, p.alpha3, ctx.system),
    nhsNumber: p.nhsNumber && draw.chance(0.7) ? p.nhsNumber : null,
    otherId: ctx.otherId,
    postcode: draw.chance(0.15) ? null : moved ? postcode(draw) : p.postcode,
    address: null,
    referralDate: iso(ctx.referral),
  };
}

/** Years between two instants, as a fraction (a generator's rough age, not the rule `@app/domain` `ageOn` applies). */
function yearsBetween(dob: Date, on: Date): number {
  return (on.getTime() - dob.getTime()) / (365.25 * DAY);
}

/**
 * A seeded synthetic population of AIS and LCS records with ground truth: NRM nationality mix and naming
 * conventions, estimated dates of birth, typos, aliases, siblings and twins (hard non-matches), children referred
 * in LCS and again as adults in AIS, in-system duplicates, and anonymous Duty to Notify notifications.
 */
export function generatePopulation(options: SynthOptions): SyntheticPopulation {
  const draw = new Draw(mulberry32(options.seed));
  const until = new Date(`${options.until ?? '2025-03-31'}T00:00:00Z`);
  const persons: Person[] = [];
  while (persons.length < options.persons) {
    const first = newPerson(draw, `SP${String(persons.length + 1).padStart(7, '0')}`, until);
    persons.push(first);
    if (persons.length < options.persons && draw.chance(0.08)) {
      const twin = draw.chance(0.3);
      persons.push(newPerson(draw, `SP${String(persons.length + 1).padStart(7, '0')}`, until, first, twin));
    }
  }
  const records: LinkageRecord[] = [];
  const truth = new Map<string, string>();
  let aisSeq = 0;
  let lcsSeq = 0;
  let anonSeq = 0;
  const nextId = (system: 'AIS' | 'LCS'): string =>
    system === 'AIS' ? `AIS-${String(++aisSeq).padStart(7, '0')}` : `LCS-${String(++lcsSeq).padStart(7, '0')}`;
  const add = (p: Person, system: 'AIS' | 'LCS', referral: Date, otherId: string | null): string => {
    const recordId = nextId(system);
    records.push(recordOf(draw, p, { system, recordId, referral, otherId }));
    truth.set(recordId, p.id);
    return recordId;
  };
  for (const p of persons) {
    const childAtFirst = yearsBetween(p.dob, p.firstReferral) < 18;
    const system = childAtFirst ? 'LCS' : 'AIS';
    const firstId = add(p, system, p.firstReferral, null);
    // A legacy register keyed on exact surname and date of birth lets the same person in twice.
    for (let dup = 0; dup < 2 && draw.chance(dup === 0 ? 0.15 : 0.3); dup++) {
      const when = new Date(p.firstReferral.getTime() + draw.int(10, 400) * DAY);
      if (when <= until) add(p, system, when, null);
    }
    if (childAtFirst) {
      const eighteen = new Date(p.dob.getTime() + 18 * 365.25 * DAY);
      if (eighteen < until && draw.chance(0.45)) {
        const when = new Date(Math.min(until.getTime(), eighteen.getTime() + draw.int(0, 500) * DAY));
        // A transfer to adults' services carries the LCS id; a fresh adult referral does not.
        add(p, 'AIS', when, draw.chance(0.5) ? firstId : null);
      }
    } else if (draw.chance(0.06)) {
      const recordId = `AIS-DTN-${String(++anonSeq).padStart(6, '0')}`;
      records.push({
        recordId,
        sourceSystem: 'AIS',
        sex: p.sex,
        nationality: nationalityAsRecorded(draw, p.alpha3, 'AIS'),
        referralDate: iso(p.firstReferral),
        anonymous: true,
        referralKind: 'dtn',
      });
      truth.set(recordId, `ANON-${recordId}`);
    }
  }
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(draw.next() * (i + 1));
    [records[i], records[j]] = [records[j], records[i]];
  }
  return { records, truth, persons: persons.length };
}

import { isIsoDate } from '@app/domain';
import type { LcsErrorDetail } from '../http/lcs.errors';
import { formatLcsName, parseLcsName } from '../lcs-name';
import type { ChildFields } from './contact.repository';
import type { LcsChildDto } from './dto/lcs-child.dto';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The child block as LCS stores it: the name normalised to "SURNAME, Forenames", absent as null. */
export function toChildFields(dto: LcsChildDto): ChildFields {
  const dateOfBirth = dto.dateOfBirth ?? null;
  return {
    childName: dto.name === undefined ? null : formatLcsName(parseLcsName(dto.name)),
    aliases: (dto.aliases ?? []).map((a) => a.trim()).filter(Boolean),
    dateOfBirth,
    dateOfBirthEstimated: dateOfBirth !== null && (dto.dateOfBirthEstimated ?? false),
    ageDisputed: dto.ageDisputed ?? false,
    gender: dto.gender,
    nationality: dto.nationality ?? null,
    secondNationality: dto.secondNationality ?? null,
    nhsNumber: dto.nhsNumber ?? null,
  };
}

/** Only the fields a correction names, converted the same way. */
export function toChildChanges(dto: Partial<LcsChildDto>): Partial<ChildFields> {
  const all = toChildFields({ gender: 'not_known', ...dto });
  const keys: Array<[keyof LcsChildDto, keyof ChildFields]> = [
    ['name', 'childName'],
    ['aliases', 'aliases'],
    ['dateOfBirth', 'dateOfBirth'],
    ['dateOfBirthEstimated', 'dateOfBirthEstimated'],
    ['ageDisputed', 'ageDisputed'],
    ['gender', 'gender'],
    ['nationality', 'nationality'],
    ['secondNationality', 'secondNationality'],
    ['nhsNumber', 'nhsNumber'],
  ];
  const changes: Partial<ChildFields> = {};
  const take = <K extends keyof ChildFields>(key: K, from: Pick<ChildFields, K>): void => {
    changes[key] = from[key];
  };
  for (const [from, to] of keys) if (dto[from] !== undefined) take(to, all);
  // Read as given: on its own it corrects the flag of the date of birth already held.
  if (dto.dateOfBirthEstimated !== undefined) changes.dateOfBirthEstimated = dto.dateOfBirthEstimated;
  return changes;
}

/** A date LCS will not hold: one after today where the council is. */
export function checkNotFuture(value: string | undefined, field: string, now = new Date()): LcsErrorDetail[] {
  return value && isIsoDate(value) && value > LONDON_DAY.format(now) ? [{ field, issue: `${field} must not be in the future` }] : [];
}

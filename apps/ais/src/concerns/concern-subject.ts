import { parseAisDate, todayInLondon } from '../ais-dates';
import type { AisFieldError } from '../http/ais.errors';
import type { AisSubjectDto } from './dto/ais-subject.dto';
import type { SubjectFields } from './safeguarding-concern.repository';

function text(value: string | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** AIS's Subject block as stored: dates as ISO in the database, text trimmed, absent as null. */
export function toSubjectFields(dto: AisSubjectDto): SubjectFields {
  const dateOfBirth = dto.DateOfBirth ? (parseAisDate(dto.DateOfBirth) ?? null) : null;
  return {
    forename: text(dto.Forename),
    middleNames: text(dto.MiddleNames),
    surname: text(dto.Surname),
    knownAs: (dto.KnownAs ?? []).map((a) => a.trim()).filter(Boolean),
    dateOfBirth,
    dateOfBirthEstimated: dateOfBirth !== null && (dto.DateOfBirthIsEstimated ?? false),
    gender: dto.Gender,
    nationality: text(dto.Nationality),
    secondNationality: text(dto.SecondNationality),
    nhsNumber: dto.NhsNumber ?? null,
  };
}

/** Only the fields a correction names, converted the same way. */
export function toSubjectChanges(dto: Partial<AisSubjectDto>): Partial<SubjectFields> {
  const all = toSubjectFields({ Gender: 'U', ...dto });
  const changes: Partial<SubjectFields> = {};
  if (dto.Forename !== undefined) changes.forename = all.forename;
  if (dto.MiddleNames !== undefined) changes.middleNames = all.middleNames;
  if (dto.Surname !== undefined) changes.surname = all.surname;
  if (dto.KnownAs !== undefined) changes.knownAs = all.knownAs;
  if (dto.DateOfBirth !== undefined) changes.dateOfBirth = all.dateOfBirth;
  if (dto.DateOfBirthIsEstimated !== undefined) changes.dateOfBirthEstimated = dto.DateOfBirthIsEstimated;
  if (dto.Gender !== undefined) changes.gender = dto.Gender;
  if (dto.Nationality !== undefined) changes.nationality = all.nationality;
  if (dto.SecondNationality !== undefined) changes.secondNationality = all.secondNationality;
  if (dto.NhsNumber !== undefined) changes.nhsNumber = all.nhsNumber;
  return changes;
}

/** A date AIS will not hold: one after today. */
export function checkNotFuture(value: string | undefined, field: string, now = new Date()): AisFieldError[] {
  const iso = value ? parseAisDate(value) : undefined;
  return iso && iso > todayInLondon(now) ? [{ Field: field, Error: `${field} must not be in the future` }] : [];
}

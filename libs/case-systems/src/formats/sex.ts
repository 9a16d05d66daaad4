import type { Gender } from '@app/domain';

/** AIS gender codes: I is indeterminate (the form's "other"), U is not known. */
export type AisGenderCode = 'M' | 'F' | 'I' | 'U';
export type LcsGender = 'female' | 'male' | 'other' | 'not_known';

const TO_AIS: Readonly<Record<Gender, AisGenderCode>> = { female: 'F', male: 'M', other: 'I' };
const FROM_AIS: Readonly<Record<AisGenderCode, Gender | null>> = { F: 'female', M: 'male', I: 'other', U: null };

export function sexToAisGender(sex: Gender | null | undefined): AisGenderCode {
  return sex ? TO_AIS[sex] : 'U';
}

export function aisGenderToSex(code: string | null | undefined): Gender | null {
  return code && code in FROM_AIS ? FROM_AIS[code as AisGenderCode] : null;
}

export function sexToLcsGender(sex: Gender | null | undefined): LcsGender {
  return sex ?? 'not_known';
}

export function lcsGenderToSex(gender: string | null | undefined): Gender | null {
  return gender === 'female' || gender === 'male' || gender === 'other' ? gender : null;
}

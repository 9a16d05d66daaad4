import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { countryByAlpha2 } from '@app/countries';
import { CASE_SYSTEM_LIMITS, isIsoDate } from '@app/domain';
import { LCS_NAME } from '../lcs-name';

export function IsIsoCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoCalendarDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date as YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/** LCS holds nationality as an ISO 3166-1 alpha-2 code. */
export function IsAlpha2(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAlpha2',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) && countryByAlpha2(value) !== undefined,
        defaultMessage: buildMessage((each) => `${each}$property must be an ISO 3166-1 alpha-2 code such as "AL"`, options),
      },
    },
    options,
  );
}

export function IsLcsName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLcsName',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= CASE_SYSTEM_LIMITS.lcsName && LCS_NAME.test(value) && /\p{L}/u.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must read "SURNAME, Forename Middle"`, options),
      },
    },
    options,
  );
}

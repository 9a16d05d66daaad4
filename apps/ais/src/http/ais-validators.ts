import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';
import { toAlpha3 } from '@app/countries';
import { parseAisDate } from '../ais-dates';

export function IsAisDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAisDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseAisDate(value) !== undefined,
        defaultMessage: buildMessage((each) => `${each}$property must be a date in dd/MM/yyyy format`, options),
      },
    },
    options,
  );
}

/** AIS holds nationality as text it recognises: a demonym ("Albanian"), a country, or "Unknown". */
export function IsNationality(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNationality',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !/^[A-Z]{2,3}$/.test(value) && toAlpha3(value) !== undefined,
        defaultMessage: buildMessage((each) => `${each}$property must be a nationality such as "Albanian"`, options),
      },
    },
    options,
  );
}

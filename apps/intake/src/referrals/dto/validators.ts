import { registerDecorator, type ValidationArguments, ValidationOptions } from 'class-validator';
import { isAlpha3 } from '@app/countries';
import { isIsoDate, isPartialDate, isPhoneNumber, isValidNhsNumber } from '@app/domain';

export function IsNhsNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNhsNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a 10-digit NHS number with a valid check digit', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidNhsNumber(value) },
    });
}

/** ISO 3166-1 alpha-3, or "UNK" as the form allows for an unknown nationality. */
export function IsNationality(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNationality',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 3166-1 alpha-3 code or "UNK"', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isAlpha3(value) },
    });
}

/** A date left out is said to be required, not to be badly written: the person fixing it has nothing to rewrite. */
function missingOr(args: ValidationArguments, rule: string): string {
  return args.value === undefined || args.value === null || args.value === '' ? `${args.property} is required` : `${args.property} ${rule}`;
}

/** A real calendar date written YYYY-MM-DD (2023-02-29 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => missingOr(args, 'must be a date written YYYY-MM-DD'), ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}

/** A date known to the day, the month or the year: YYYY-MM-DD, YYYY-MM or YYYY (for answers that may be estimates). */
export function IsPartialDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPartialDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args) => missingOr(args, 'must be a date written YYYY-MM-DD, or a month YYYY-MM, or a year YYYY'), ...options },
      validator: { validate: (value: unknown) => isPartialDate(value) },
    });
}

/** A UK phone number, or an international one with its country code (see isPhoneNumber). */
export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhoneNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be a UK phone number, like 01296 395000, or an international number with its country code, like +355 4 222 2222',
        ...options,
      },
      validator: { validate: (value: unknown) => isPhoneNumber(value) },
    });
}

/** No comma: LCS keeps a child's name as one string, "SURNAME, Forename", split at its one comma. */
export function NoComma(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'noComma',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not contain a comma', ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !value.includes(',') },
    });
}

import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FieldViolation } from '@app/domain';
import { InvalidRequestError } from './errors';

/**
 * How every validation in the apps reports: never the object validated, and the value only so that
 * `flattenValidationErrors` can tell a missing field from a wrong one (it never puts the value in a message or a
 * response: a referral's values are personal data).
 */
export const VALIDATION_ERROR_OPTIONS = { target: false, value: true } as const;

/** Rules about what kind of value a field takes: when one fails, rules about its size or range say nothing more. */
const KIND_RULES = new Set(['isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject', 'isDateString', 'isISO8601', 'isUUID', 'isEnum', 'isIn']);

/**
 * The failed rules worth telling: "childrenCount must be an integer number" for "x", not also that it must be at
 * least 1 and at most 30, which a wrong kind of value cannot be judged by.
 */
function relevantRules(constraints: Record<string, string>): Record<string, string> {
  const kind = Object.entries(constraints).filter(([rule]) => KIND_RULES.has(rule));
  return kind.length > 0 ? Object.fromEntries(kind) : constraints;
}

/** A key that can be a field's name or an array index; anything else sent as a key is not repeated back. */
const FIELD_NAME = /^(?:[A-Za-z_][A-Za-z0-9_-]{0,63}|\d{1,6})$/;
/**
 * How an unknown key that is not a field name (a form's text posted as keys, say) is named in an answer: the key
 * itself may be a name or a date of birth, and an error body must not carry personal data.
 */
const UNSHOWN_FIELD = '(unknown field)';

/**
 * Flattens class-validator's tree into violations named by their dotted paths. A field that is missing (absent or
 * null) fails only as missing: "<path> is required", not also "must be a string", "should not be empty" and
 * "must be shorter than or equal to 200 characters" beside it. A field's own message for being absent (an
 * `@IsDefined` message) is kept. A value that is present but wrong lists every rule it breaks.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const error of errors) {
    const property = FIELD_NAME.test(error.property) ? error.property : UNSHOWN_FIELD;
    const path = parent ? `${parent}.${property}` : property;
    const constraints = error.constraints ?? {};
    if (constraints.isDefined) {
      out.push({ path, message: constraints.isDefined.replace(/^\S+ should not be null or undefined$/, `${path} is required`) });
      continue;
    }
    // Only when the validation kept the value (VALIDATION_ERROR_OPTIONS): without it every field would look missing.
    if (Object.hasOwn(error, 'value') && (error.value === undefined || error.value === null) && Object.keys(constraints).length) {
      out.push({ path, message: `${path} is required` });
      continue;
    }
    for (const [rule, message] of Object.entries(relevantRules(constraints))) {
      // class-validator writes "property x should not exist", x being whatever key was sent; name the path instead.
      out.push({ path, message: rule === 'whitelistValidation' ? `${path} should not exist` : message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/** Unknown fields are refused, not stripped: a misspelt field must not silently lose what was meant. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: VALIDATION_ERROR_OPTIONS,
    exceptionFactory: (errors) => new InvalidRequestError(flattenValidationErrors(errors)),
  });
}

type MetadataLookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];
const MEMOISED = Symbol('referral-hub:memoised');

/**
 * Makes class-validator look up a class's rules once instead of on every validation. Its
 * `getTargetValidationMetadatas` scans every decorated class of the process for the target's ancestors on each
 * call, for each nested object (class-validator issue 2686, open; ADR 0011): about a seventh of intake's CPU per referral at
 * 400 requests a second. A class's own and inherited rules are all registered when the class is defined (its
 * decorators run then, after its parents'), and a class defined later never changes them, so the answer per class
 * and options is fixed. Lookups with groups or against a named schema are left to the library. Idempotent; every
 * HTTP app calls it at start-up (`createHttpApp`).
 */
export function memoiseValidationMetadata(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [MEMOISED]?: true };
  if (storage[MEMOISED]) return;
  const lookup: MetadataLookup = storage.getTargetValidationMetadatas.bind(storage);
  const known = new WeakMap<object, Map<string, ReturnType<MetadataLookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function' || schema || groups?.length) return lookup(target, schema, always, strictGroups, groups);
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map<string, ReturnType<MetadataLookup>>()));
    const options = `${String(always)}|${String(strictGroups)}`;
    let found = byOptions.get(options);
    if (!found) byOptions.set(options, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage[MEMOISED] = true;
}

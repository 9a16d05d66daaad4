import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, InvalidRequestError } from '@app/common';
import { checkReferralRules, type FieldViolation, type Referral } from '@app/domain';
import { CreateReferralDto } from './dto/create-referral.dto';

/**
 * Validates a referral body in one pass: field rules (class-validator, unknown fields refused) and the
 * cross-field rules of the form and the Act (libs/domain), so one 400 lists every failing field.
 */
@Injectable()
export class ReferralBodyPipe implements PipeTransform<unknown, Promise<CreateReferralDto>> {
  async transform(body: unknown): Promise<CreateReferralDto> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InvalidRequestError([{ path: '', message: 'the body must be a JSON object' }]);
    }
    // class-transformer reads `constructor` on nested values: such keys are refused before it sees them.
    const reserved = reservedKeys(body);
    if (reserved.length > 0) throw new InvalidRequestError(reserved.map((path) => ({ path, message: `${path} is not a field of a referral` })));
    const dto = plainToInstance(CreateReferralDto, body);
    const fieldErrors = flattenValidationErrors(
      await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } }),
    );
    const ruleErrors = checkReferralRules(body as Partial<Referral>);
    const errors = dedupe([...fieldErrors, ...ruleErrors]);
    if (errors.length > 0) throw new InvalidRequestError(errors);
    return dto;
  }
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of object keys that name JavaScript internals rather than fields, anywhere in the body. */
function reservedKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (RESERVED.has(key)) found.push(path);
    else found.push(...reservedKeys(child, path));
  }
  return found;
}

function dedupe(errors: FieldViolation[]): FieldViolation[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

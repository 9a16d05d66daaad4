import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { bodyShapeViolations, flattenValidationErrors, InvalidRequestError, VALIDATION_ERROR_OPTIONS } from '@app/common';
import { checkReferralRules, statisticsTypesOf, type FieldViolation } from '@app/domain';
import { CreateReferralDto, ExploitationDto } from './dto/create-referral.dto';

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
    // class-transformer reads `constructor` on nested values, and PostgreSQL cannot store U+0000 in text: such
    // bodies are refused before either sees them, by the check every request body passes (here too for a body that
    // did not come through it, such as the journey's answers).
    const unstorable = bodyShapeViolations(body);
    if (unstorable.length > 0) throw new InvalidRequestError(unstorable);
    const dto = plainToInstance(CreateReferralDto, body);
    const fieldErrors = flattenValidationErrors(
      await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: VALIDATION_ERROR_OPTIONS }),
    );
    const ruleErrors = checkReferralRules(body);
    const errors = dedupe([...fieldErrors, ...ruleErrors]);
    if (errors.length > 0) throw new InvalidRequestError(errors);
    // The form's detailed types alone: the statistics types follow from them by one table.
    // Until then a body that gave only the form's types has none (ExploitationDto's ValidateIf lets it through).
    const given: Partial<ExploitationDto> = dto.exploitation;
    given.types ??= statisticsTypesOf(dto.exploitation.homeOfficeTypes ?? []);
    return dto;
  }
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

import { Injectable } from '@nestjs/common';
import { validatedAisDate } from '../ais-dates';
import { AisFieldError, AisNotFoundError, AisValidationError } from '../http/ais.errors';
import { checkNotFuture, toSubjectChanges, toSubjectFields } from './concern-subject';
import type { AmendSafeguardingConcernDto } from './dto/amend-safeguarding-concern.dto';
import type { CreateSafeguardingConcernDto } from './dto/create-safeguarding-concern.dto';
import { SafeguardingConcernResponse, toConcernResponse } from './dto/safeguarding-concern.response';
import { SafeguardingConcernRepository } from './safeguarding-concern.repository';

export interface CreatedConcern {
  concern: SafeguardingConcernResponse;
  /** False when the ClientReference named a concern already recorded. */
  created: boolean;
}

function checkSource(dto: CreateSafeguardingConcernDto): AisFieldError[] {
  // An integration must say which of its records this is, or a retry would file the concern twice.
  if (dto.Source === 'ReferralHub' && !dto.ClientReference) {
    return [{ Field: 'ClientReference', Error: 'ClientReference is required when Source is ReferralHub' }];
  }
  if (dto.Source === 'Practitioner' && dto.ClientReference) {
    return [{ Field: 'ClientReference', Error: 'ClientReference is only for concerns sent by another system' }];
  }
  return [];
}

@Injectable()
export class SafeguardingConcernService {
  constructor(private readonly concerns: SafeguardingConcernRepository) {}

  async create(dto: CreateSafeguardingConcernDto): Promise<CreatedConcern> {
    const errors = [...checkSource(dto), ...checkNotFuture(dto.ConcernDate, 'ConcernDate'), ...checkNotFuture(dto.Subject.DateOfBirth, 'Subject.DateOfBirth')];
    if (errors.length) throw new AisValidationError(errors);
    const { concern, created } = await this.concerns.createOnce({
      ...toSubjectFields(dto.Subject),
      clientReference: dto.ClientReference ?? null,
      source: dto.Source,
      category: dto.Category,
      referralType: dto.ReferralType ?? null,
      status: 'Open',
      concernDate: validatedAisDate(dto.ConcernDate),
      reportedBy: { ...dto.ReportedBy },
      riskTypes: dto.RiskTypes ?? [],
      locationOfRisk: dto.LocationOfRisk ?? null,
      consentToNrm: dto.ConsentToNrm ?? null,
      nrmReference: dto.NrmReference?.trim() ?? null,
      summary: dto.Summary ?? null,
      transferredFromLcsId: null,
      transferReason: null,
      transferEffectiveDate: null,
    });
    return { concern: toConcernResponse(concern), created };
  }

  async get(concernId: string): Promise<SafeguardingConcernResponse> {
    const concern = await this.concerns.findById(concernId);
    if (!concern) throw new AisNotFoundError('Safeguarding concern', concernId);
    return toConcernResponse(concern);
  }

  async getMany(concernIds: readonly string[]): Promise<SafeguardingConcernResponse[]> {
    return (await this.concerns.findByIds(concernIds)).map(toConcernResponse);
  }

  async amend(concernId: string, dto: AmendSafeguardingConcernDto): Promise<SafeguardingConcernResponse> {
    if (!dto.Subject && !dto.Status && !dto.NrmReference)
      throw new AisValidationError([{ Field: '', Error: 'Give Subject fields, a Status or an NrmReference to change' }]);
    const errors = checkNotFuture(dto.Subject?.DateOfBirth, 'Subject.DateOfBirth');
    if (errors.length) throw new AisValidationError(errors);
    const concern = await this.concerns.amend(concernId, {
      subject: dto.Subject ? toSubjectChanges(dto.Subject) : undefined,
      status: dto.Status,
      nrmReference: dto.NrmReference?.trim(),
    });
    if (!concern) throw new AisNotFoundError('Safeguarding concern', concernId);
    return toConcernResponse(concern);
  }
}

import { Injectable } from '@nestjs/common';
import { validatedAisDate } from '../ais-dates';
import { checkNotFuture, toSubjectFields } from '../concerns/concern-subject';
import { SafeguardingConcernResponse, toConcernResponse } from '../concerns/dto/safeguarding-concern.response';
import { SafeguardingConcernRepository } from '../concerns/safeguarding-concern.repository';
import { AisValidationError } from '../http/ais.errors';
import type { CreateTransferDto } from './dto/create-transfer.dto';

/** Who AIS records as reporting a case that arrives by transfer. */
const TRANSFERRING_SERVICE = { Organisation: "Children's Social Care", OrganisationType: 'Local Authority' };

@Injectable()
export class TransferService {
  constructor(private readonly concerns: SafeguardingConcernRepository) {}

  /**
   * Opens the adult concern for a transferred child, carrying the LCS record id. One concern per LCS record:
   * a repeat answers the concern already opened.
   */
  async transferIn(dto: CreateTransferDto): Promise<{ concern: SafeguardingConcernResponse; created: boolean }> {
    const errors = [...checkNotFuture(dto.ConcernDate, 'ConcernDate'), ...checkNotFuture(dto.Subject.DateOfBirth, 'Subject.DateOfBirth')];
    if (errors.length) throw new AisValidationError(errors);
    const { concern, created } = await this.concerns.createOnce({
      ...toSubjectFields(dto.Subject),
      clientReference: dto.ClientReference ?? null,
      source: 'ReferralHub',
      category: 'Modern Slavery',
      referralType: 'NRM',
      status: 'Open',
      concernDate: validatedAisDate(dto.ConcernDate),
      reportedBy: TRANSFERRING_SERVICE,
      riskTypes: [],
      locationOfRisk: null,
      consentToNrm: null,
      summary: null,
      nrmReference: null,
      transferredFromLcsId: dto.LcsRecordId,
      transferReason: dto.Reason,
      transferEffectiveDate: validatedAisDate(dto.EffectiveDate),
    });
    return { concern: toConcernResponse(concern), created };
  }
}

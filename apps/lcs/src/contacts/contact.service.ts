import { Injectable } from '@nestjs/common';
import { LcsConflictError, LcsErrorDetail, LcsNotFoundError, LcsValidationError } from '../http/lcs.errors';
import { checkNotFuture, toChildChanges, toChildFields } from './child-fields';
import { ContactRepository } from './contact.repository';
import type { AmendContactDto } from './dto/amend-contact.dto';
import { ContactResponse, toContactResponse } from './dto/contact.response';
import type { CreateContactDto } from './dto/create-contact.dto';
import type { ReturnFromAdultsDto } from './dto/return-from-adults.dto';
import type { TransferToAdultsDto } from './dto/transfer-to-adults.dto';

function checkSource(dto: CreateContactDto): LcsErrorDetail[] {
  // An integration must name its record, or a retry would open a second contact for the same child.
  if (dto.source === 'INTEGRATION' && !dto.externalReference) {
    return [{ field: 'externalReference', issue: 'externalReference is required when source is INTEGRATION' }];
  }
  if (dto.source === 'PRACTITIONER' && dto.externalReference) {
    return [{ field: 'externalReference', issue: 'externalReference is only for contacts sent by another system' }];
  }
  return [];
}

@Injectable()
export class ContactService {
  constructor(private readonly contacts: ContactRepository) {}

  async create(dto: CreateContactDto): Promise<{ contact: ContactResponse; created: boolean }> {
    const details = [...checkSource(dto), ...checkNotFuture(dto.contactDate, 'contactDate'), ...checkNotFuture(dto.child.dateOfBirth, 'child.dateOfBirth')];
    if (details.length) throw new LcsValidationError(details);
    const { contact, created } = await this.contacts.createOnce({
      ...toChildFields(dto.child),
      externalReference: dto.externalReference ?? null,
      source: dto.source,
      contactDate: dto.contactDate,
      referrer: { ...dto.referrer },
      factors: [...new Set(dto.factors)],
      summary: dto.summary ?? null,
      nrmReference: dto.nrmReference?.trim() ?? null,
    });
    return { contact: toContactResponse(contact), created };
  }

  async get(contactId: string): Promise<ContactResponse> {
    const contact = await this.contacts.findById(contactId);
    if (!contact) throw new LcsNotFoundError(contactId);
    return toContactResponse(contact);
  }

  async getMany(contactIds: readonly string[]): Promise<ContactResponse[]> {
    return (await this.contacts.findByIds(contactIds)).map(toContactResponse);
  }

  async amend(contactId: string, dto: AmendContactDto): Promise<ContactResponse> {
    if (!dto.child && !dto.status && !dto.nrmReference)
      throw new LcsValidationError([{ field: '', issue: 'give child fields, a status or an nrmReference to change' }]);
    const details = checkNotFuture(dto.child?.dateOfBirth, 'child.dateOfBirth');
    if (details.length) throw new LcsValidationError(details);
    const result = await this.contacts.amend(contactId, dto.child ? toChildChanges(dto.child) : {}, dto.status, dto.nrmReference?.trim());
    if (result.outcome === 'not_found') throw new LcsNotFoundError(contactId);
    if (result.outcome === 'conflict')
      throw new LcsConflictError('CONTACT_TRANSFERRED', `Contact ${contactId} was transferred to adults' services and cannot be reopened`);
    return toContactResponse(result.contact);
  }

  async transferToAdults(contactId: string, dto: TransferToAdultsDto): Promise<ContactResponse> {
    const result = await this.contacts.closeForTransfer(contactId, dto.aisRecordId, dto.reason, dto.effectiveOn);
    if (result.outcome === 'not_found') throw new LcsNotFoundError(contactId);
    if (result.outcome === 'conflict') {
      throw result.reason === 'transferred_elsewhere'
        ? new LcsConflictError('ALREADY_TRANSFERRED', `Contact ${contactId} was already transferred to another adults' record`)
        : new LcsConflictError('CONTACT_CLOSED', `Contact ${contactId} is closed`);
    }
    return toContactResponse(result.contact);
  }

  async returnFromAdults(contactId: string, dto: ReturnFromAdultsDto): Promise<ContactResponse> {
    const details = checkNotFuture(dto.dateOfBirth, 'dateOfBirth');
    if (details.length) throw new LcsValidationError(details);
    const result = await this.contacts.returnFromAdults(contactId, dto.aisRecordId, dto.dateOfBirth);
    if (result.outcome === 'not_found') throw new LcsNotFoundError(contactId);
    if (result.outcome === 'conflict') {
      throw new LcsConflictError('NOT_TRANSFERRED_THERE', `Contact ${contactId} was not transferred to adults' record ${dto.aisRecordId}`);
    }
    return toContactResponse(result.contact);
  }
}

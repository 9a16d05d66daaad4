import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createRecord } from '@app/common';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { FeedRepository } from '../feed/feed.repository';
import { parseLcsName } from '../lcs-name';
import { ChildRegisterRepository, RegisterChild } from '../register/child-register.repository';
import { LCS_RECORD_ONCE } from '../register/record-once';
import { ContactEntity, TransferReason } from './contact.entity';

export type NewContact = Omit<
  ContactEntity,
  'contactId' | 'childId' | 'version' | 'status' | 'closureReason' | 'closedOn' | 'transferredToAisId' | 'transferReason' | 'createdAt' | 'updatedAt'
>;

export type ChildFields = Pick<
  ContactEntity,
  'childName' | 'aliases' | 'dateOfBirth' | 'dateOfBirthEstimated' | 'ageDisputed' | 'gender' | 'nationality' | 'secondNationality' | 'nhsNumber'
>;

export const TRANSFERRED_TO_ADULTS = 'TRANSFERRED_TO_ADULTS';

export type TransferOutcome =
  { outcome: 'not_found' } | { outcome: 'transferred'; contact: ContactEntity } | { outcome: 'conflict'; reason: 'transferred_elsewhere' | 'closed' };

export type AmendOutcome = { outcome: 'not_found' } | { outcome: 'amended'; contact: ContactEntity } | { outcome: 'conflict' };

export type ReturnOutcome = { outcome: 'not_found' } | { outcome: 'returned'; contact: ContactEntity } | { outcome: 'conflict' };

const UNIQUE_VIOLATION = '23505';

/** No name, date of birth or NHS number: nobody the register could hold. */
export function isIdentifiable(c: Pick<ChildFields, 'childName' | 'dateOfBirth' | 'nhsNumber'>): boolean {
  return Boolean(c.childName || c.dateOfBirth || c.nhsNumber);
}

@Injectable()
export class ContactRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: ChildRegisterRepository,
    private readonly feed: FeedRepository,
  ) {}

  findById(contactId: string): Promise<ContactEntity | null> {
    return this.dataSource.getRepository(ContactEntity).findOneBy({ contactId });
  }

  /** The contacts of these ids that exist, in the order asked. */
  async findByIds(contactIds: readonly string[]): Promise<ContactEntity[]> {
    const ids = [...new Set(contactIds)];
    const found = await this.dataSource.getRepository(ContactEntity).findBy({ contactId: In(ids) });
    const byId = new Map(found.map((c) => [c.contactId, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A contact this repository has just written, read back in full. */
  private written(contactId: string): Promise<ContactEntity> {
    return this.dataSource.getRepository(ContactEntity).findOneByOrFail({ contactId });
  }

  findByExternalReference(externalReference: string): Promise<ContactEntity | null> {
    return this.dataSource.getRepository(ContactEntity).findOneBy({ externalReference });
  }

  /**
   * Records a contact once per external reference, even when repeats race each other: the insert fails on the
   * unique index and the winner's contact is answered. Contact, register child and feed entry are written together
   * or not at all, by one statement (`lcs.record_create`). A repeat is rare (a delivery retried after a lost answer),
   * so the contact is not looked for first.
   */
  async createOnce(contact: NewContact): Promise<{ contact: ContactEntity; created: boolean }> {
    const child = this.registerChild(contact);
    try {
      const row = { ...contact, status: 'open' as const, version: 1 };
      const created = await createRecord(this.dataSource, LCS_RECORD_ONCE, ContactEntity, row, child && this.register.entry(child), 'contact.created');
      return { contact: created, created: true };
    } catch (error) {
      const winner =
        isUniqueViolation(error, 'contacts_external_reference_idx') && contact.externalReference
          ? await this.findByExternalReference(contact.externalReference)
          : null;
      if (!winner) throw error;
      return { contact: winner, created: false };
    }
  }

  /** A practitioner's correction of the child's details, or a change of status; a new version either way. */
  async amend(contactId: string, child: Partial<ChildFields>, status?: ContactEntity['status'], nrmReference?: string): Promise<AmendOutcome> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<AmendOutcome | 'amended'> => {
      const current = await manager.findOne(ContactEntity, { where: { contactId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { outcome: 'not_found' };
      // A case handed to adults' services stays closed here; reopening it would make two live cases.
      if (current.transferredToAisId && status === 'open') return { outcome: 'conflict' };
      const next = { ...current, ...child };
      const childId = await this.childAfter(manager, current, next);
      const version = current.version + 1;
      const statusChange = status && status !== current.status ? { status, closedOn: status === 'closed' ? todayIso() : null } : {};
      await manager.update(
        ContactEntity,
        { contactId },
        { ...child, ...statusChange, ...(nrmReference ? { nrmReference } : {}), childId, version, updatedAt: new Date() },
      );
      await this.feed.append(manager, contactId, version, 'contact.updated');
      return 'amended';
    });
    if (outcome !== 'amended') return outcome;
    return { outcome: 'amended', contact: await this.written(contactId) };
  }

  /**
   * Closes the contact as transferred to adults' services, recording the AIS record. Repeating it with the same
   * AIS record changes nothing; a different AIS record, or a contact closed for another reason, is a conflict.
   */
  async closeForTransfer(contactId: string, aisRecordId: string, reason: TransferReason, effectiveOn: string): Promise<TransferOutcome> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<TransferOutcome | 'changed'> => {
      const current = await manager.findOne(ContactEntity, { where: { contactId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { outcome: 'not_found' };
      if (current.transferredToAisId) {
        return current.transferredToAisId === aisRecordId
          ? { outcome: 'transferred', contact: current }
          : { outcome: 'conflict', reason: 'transferred_elsewhere' };
      }
      if (current.status === 'closed') return { outcome: 'conflict', reason: 'closed' };
      const version = current.version + 1;
      await manager.update(
        ContactEntity,
        { contactId },
        {
          status: 'closed',
          closureReason: TRANSFERRED_TO_ADULTS,
          closedOn: effectiveOn,
          transferredToAisId: aisRecordId,
          transferReason: reason,
          version,
          updatedAt: new Date(),
        },
      );
      await this.feed.append(manager, contactId, version, 'contact.transferred');
      return 'changed';
    });
    if (outcome !== 'changed') return outcome;
    return { outcome: 'transferred', contact: await this.written(contactId) };
  }

  /**
   * Reopens a contact whose case comes back from adults' services (an age assessment found a child), with the date
   * of birth the assessment gave: one contact per child's case, open again, rather than a second live one. Only the
   * AIS record the contact was transferred to can send it back; a contact already open (a repeat) is answered as it is.
   */
  async returnFromAdults(contactId: string, aisRecordId: string, dateOfBirth: string | undefined): Promise<ReturnOutcome> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<ReturnOutcome | 'changed'> => {
      const current = await manager.findOne(ContactEntity, { where: { contactId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { outcome: 'not_found' };
      if (current.status === 'open' && !current.transferredToAisId) return { outcome: 'returned', contact: current };
      if (current.transferredToAisId !== aisRecordId) return { outcome: 'conflict' };
      const child = dateOfBirth ? { dateOfBirth, dateOfBirthEstimated: false } : {};
      const childId = await this.childAfter(manager, current, { ...current, ...child });
      const version = current.version + 1;
      await manager.update(
        ContactEntity,
        { contactId },
        {
          ...child,
          childId,
          status: 'open',
          closureReason: null,
          closedOn: null,
          transferredToAisId: null,
          transferReason: null,
          version,
          updatedAt: new Date(),
        },
      );
      await this.feed.append(manager, contactId, version, 'contact.updated');
      return 'changed';
    });
    if (outcome !== 'changed') return outcome;
    return { outcome: 'returned', contact: await this.written(contactId) };
  }

  /** The register's view of the child: the parsed name and date of birth; null for a child nobody could identify. */
  private registerChild(contact: ChildFields): RegisterChild | null {
    if (!isIdentifiable(contact)) return null;
    const { surname, forenames } = parseLcsName(contact.childName ?? '');
    return { surname, forenames, dateOfBirth: contact.dateOfBirth, gender: contact.gender };
  }

  private async childFor(manager: EntityManager, contact: ChildFields): Promise<string | null> {
    const child = this.registerChild(contact);
    return child && this.register.resolve(manager, child);
  }

  private async childAfter(manager: EntityManager, before: ContactEntity, after: ContactEntity): Promise<string | null> {
    if (!isIdentifiable(after)) return null;
    const sameKey =
      before.childId &&
      parseLcsName(before.childName ?? '').surname === parseLcsName(after.childName ?? '').surname &&
      before.dateOfBirth === after.dateOfBirth;
    // A corrected surname or date of birth is looked up afresh, as the legacy register does on save.
    return sameKey ? before.childId : this.childFor(manager, after);
  }
}

function isUniqueViolation(error: unknown, index: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === index;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createRecord } from '@app/common';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { ChangeFeedRepository } from '../change-feed/change-feed.repository';
import type { AisChangeType } from '../change-feed/change.entity';
import { AIS_RECORD_ONCE } from '../register/record-once';
import { PersonRegisterRepository, RegisterSubject } from '../register/person-register.repository';
import { SafeguardingConcernEntity } from './safeguarding-concern.entity';

/** A concern to record, its id, version and timestamps still to be given. */
export type NewConcern = Omit<SafeguardingConcernEntity, 'concernId' | 'personId' | 'version' | 'createdAt' | 'updatedAt'>;

/** The subject fields a practitioner may correct. */
export type SubjectFields = Pick<
  SafeguardingConcernEntity,
  'forename' | 'middleNames' | 'surname' | 'knownAs' | 'dateOfBirth' | 'dateOfBirthEstimated' | 'gender' | 'nationality' | 'secondNationality' | 'nhsNumber'
>;

export interface Amendment {
  subject?: Partial<SubjectFields>;
  status?: SafeguardingConcernEntity['status'];
  /** The Home Office reference, recorded once the Home Office has given it. */
  nrmReference?: string;
}

const UNIQUE_VIOLATION = '23505';
const ONCE_INDEXES = ['concerns_client_reference_idx', 'concerns_transfer_idx'];

/** No name, date of birth or NHS number: an anonymous notification, which the register does not hold. */
export function isIdentifiable(s: Pick<SubjectFields, 'forename' | 'surname' | 'dateOfBirth' | 'nhsNumber'>): boolean {
  return Boolean(s.forename || s.surname || s.dateOfBirth || s.nhsNumber);
}

function registerSubject(s: SubjectFields): RegisterSubject {
  return {
    forename: s.forename,
    middleNames: s.middleNames,
    surname: s.surname,
    dateOfBirth: s.dateOfBirth,
    gender: s.gender,
    nationality: s.nationality,
  };
}

@Injectable()
export class SafeguardingConcernRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: PersonRegisterRepository,
    private readonly feed: ChangeFeedRepository,
  ) {}

  findById(concernId: string): Promise<SafeguardingConcernEntity | null> {
    return this.dataSource.getRepository(SafeguardingConcernEntity).findOneBy({ concernId });
  }

  /** The concerns of these ids that exist, in the order asked. */
  async findByIds(concernIds: readonly string[]): Promise<SafeguardingConcernEntity[]> {
    const ids = [...new Set(concernIds)];
    const found = await this.dataSource.getRepository(SafeguardingConcernEntity).findBy({ concernId: In(ids) });
    const byId = new Map(found.map((c) => [c.concernId, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  findDelivered(clientReference: string): Promise<SafeguardingConcernEntity | null> {
    return this.dataSource
      .getRepository(SafeguardingConcernEntity)
      .createQueryBuilder('c')
      .where('c.client_reference = :clientReference AND c.transferred_from_lcs_id IS NULL', { clientReference })
      .getOne();
  }

  findTransfer(lcsRecordId: string): Promise<SafeguardingConcernEntity | null> {
    return this.dataSource.getRepository(SafeguardingConcernEntity).findOneBy({ transferredFromLcsId: lcsRecordId });
  }

  /**
   * Records a concern once: when the unique client reference (or, for a transfer, the LCS record) is already
   * taken — by an earlier call or one racing this one — the insert fails on its unique index and the existing
   * concern is answered instead. The concern, its register person and its feed entry are written together or not
   * at all, by one statement (`ais.record_create`). A repeat is rare (a delivery retried after a lost answer), so
   * the concern is not looked for first.
   */
  async createOnce(concern: NewConcern): Promise<{ concern: SafeguardingConcernEntity; created: boolean }> {
    const subject = isIdentifiable(concern) ? this.register.entry(registerSubject(concern)) : null;
    const change: AisChangeType = concern.transferredFromLcsId ? 'TransferIn' : 'Created';
    try {
      const created = await createRecord(this.dataSource, AIS_RECORD_ONCE, SafeguardingConcernEntity, { ...concern, version: 1 }, subject, change);
      return { concern: created, created: true };
    } catch (error) {
      if (!isOnceViolation(error)) throw error;
      const winner = await this.findExisting(concern);
      if (!winner) throw error;
      return { concern: winner, created: false };
    }
  }

  /** Applies a practitioner's correction; the version moves on and the feed says so. Null when not found. */
  async amend(concernId: string, amendment: Amendment): Promise<SafeguardingConcernEntity | null> {
    const found = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(SafeguardingConcernEntity, { where: { concernId }, lock: { mode: 'pessimistic_write' } });
      if (!current) return false;
      const next: SafeguardingConcernEntity = { ...current, ...amendment.subject, status: amendment.status ?? current.status };
      const personId = await this.registerPersonAfter(manager, current, next);
      const version = current.version + 1;
      await manager.update(
        SafeguardingConcernEntity,
        { concernId },
        {
          ...amendment.subject,
          status: next.status,
          ...(amendment.nrmReference ? { nrmReference: amendment.nrmReference } : {}),
          personId,
          version,
          updatedAt: new Date(),
        },
      );
      await this.feed.append(manager, concernId, version, 'Updated');
      return true;
    });
    return found ? this.findById(concernId) : null;
  }

  private async registerPersonAfter(manager: EntityManager, before: SafeguardingConcernEntity, after: SafeguardingConcernEntity): Promise<string | null> {
    if (!isIdentifiable(after)) return null;
    const sameKey = before.personId && before.surname?.toLowerCase() === after.surname?.toLowerCase() && before.dateOfBirth === after.dateOfBirth;
    // A corrected surname or date of birth is looked up afresh, as the legacy register does on save.
    return sameKey ? before.personId : this.register.resolve(manager, registerSubject(after));
  }

  /**
   * The concern a repeat meant: the one opened for this LCS record, else the one holding this client reference (a
   * case that came to AIS, went to children's services and comes back at 18 or on a later finding: AIS keeps one
   * concern per referral, and the sender reopens it).
   */
  private async findExisting(concern: NewConcern): Promise<SafeguardingConcernEntity | null> {
    const transfer = concern.transferredFromLcsId ? await this.findTransfer(concern.transferredFromLcsId) : null;
    return transfer ?? (concern.clientReference ? this.findDelivered(concern.clientReference) : null);
  }
}

function isOnceViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && ONCE_INDEXES.includes(driverError.constraint ?? '');
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { columnsOf, resolveRegister } from '@app/common';
import { ChildEntity } from './child.entity';
import { LCS_RECORD_ONCE } from './record-once';

export interface RegisterChild {
  surname: string | null;
  forenames: string | null;
  dateOfBirth: string | null;
  gender: string;
}

/**
 * LCS's legacy child register. A contact joins an existing child only on the exact SURNAME and date of birth;
 * a spelling variant or a missing date of birth makes a new child, so LCS holds duplicates of its own. Two contacts
 * about one child arriving at once meet on the register's unique index, and the later reads the earlier's child.
 */
@Injectable()
export class ChildRegisterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register child for these details, found or made (`lcs.register_resolve`), in the caller's transaction. */
  resolve(manager: EntityManager, child: RegisterChild): Promise<string> {
    return resolveRegister(manager, LCS_RECORD_ONCE, this.entry(child));
  }

  /** The details as the register's columns, as `lcs.record_create` takes them. */
  entry(child: RegisterChild): Record<string, unknown> {
    return columnsOf(this.dataSource, ChildEntity, child);
  }
}

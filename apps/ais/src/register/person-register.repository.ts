import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { columnsOf, resolveRegister } from '@app/common';
import { PersonEntity } from './person.entity';
import { AIS_RECORD_ONCE } from './record-once';

/** The identifying details a concern gives the register. */
export interface RegisterSubject {
  forename: string | null;
  middleNames: string | null;
  surname: string | null;
  dateOfBirth: string | null;
  gender: string;
  nationality: string | null;
}

/**
 * AIS's legacy person register. A concern joins an existing person only on an exact surname and date of birth;
 * anything else (a spelling variant, a missing date of birth) makes a new person, so duplicates arise inside
 * AIS as they do in the real system. Two concerns about one person arriving at once meet on the register's unique
 * index, and the later reads the earlier's person.
 */
@Injectable()
export class PersonRegisterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The register person for these details, found or made (`ais.register_resolve`), in the caller's transaction. */
  resolve(manager: EntityManager, subject: RegisterSubject): Promise<string> {
    return resolveRegister(manager, AIS_RECORD_ONCE, this.entry(subject));
  }

  /** The details as the register's columns, as `ais.record_create` takes them. */
  entry(subject: RegisterSubject): Record<string, unknown> {
    return columnsOf(this.dataSource, PersonEntity, subject);
  }
}

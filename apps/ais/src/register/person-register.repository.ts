import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
 * AIS as they do in the real system. Runs inside the caller's transaction.
 */
@Injectable()
export class PersonRegisterRepository {
  async resolve(manager: EntityManager, subject: RegisterSubject): Promise<string> {
    // The unique register index makes this safe when two concerns about one person arrive at once.
    const inserted: Array<{ person_id: string }> = await manager.query(
      `INSERT INTO ais.persons (person_id, forename, middle_names, surname, date_of_birth, gender, nationality)
       VALUES (ais.next_person_id(), $1, $2, $3, $4, $5, $6)
       ON CONFLICT (lower(surname), date_of_birth) WHERE surname IS NOT NULL AND date_of_birth IS NOT NULL DO NOTHING
       RETURNING person_id`,
      [subject.forename, subject.middleNames, subject.surname, subject.dateOfBirth, subject.gender, subject.nationality],
    );
    if (inserted.length) return inserted[0].person_id;
    const [existing]: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM ais.persons WHERE lower(surname) = lower($1) AND date_of_birth = $2`,
      [subject.surname, subject.dateOfBirth],
    );
    return existing.person_id;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface RegisterChild {
  surname: string | null;
  forenames: string | null;
  dateOfBirth: string | null;
  gender: string;
}

/**
 * LCS's legacy child register. A contact joins an existing child only on the exact SURNAME and date of birth;
 * a spelling variant or a missing date of birth makes a new child, so LCS holds duplicates of its own.
 * Runs inside the caller's transaction.
 */
@Injectable()
export class ChildRegisterRepository {
  async resolve(manager: EntityManager, child: RegisterChild): Promise<string> {
    // The unique register index keeps two contacts about one child, arriving at once, on one child.
    const inserted: Array<{ child_id: string }> = await manager.query(
      `INSERT INTO lcs.children (child_id, surname, forenames, date_of_birth, gender)
       VALUES (lcs.next_child_id(), $1, $2, $3, $4)
       ON CONFLICT (upper(surname), date_of_birth) WHERE surname IS NOT NULL AND date_of_birth IS NOT NULL DO NOTHING
       RETURNING child_id`,
      [child.surname, child.forenames, child.dateOfBirth, child.gender],
    );
    if (inserted.length) return inserted[0].child_id;
    const [existing]: Array<{ child_id: string }> = await manager.query(
      `SELECT child_id FROM lcs.children WHERE upper(surname) = upper($1) AND date_of_birth = $2`,
      [child.surname, child.dateOfBirth],
    );
    return existing.child_id;
  }
}

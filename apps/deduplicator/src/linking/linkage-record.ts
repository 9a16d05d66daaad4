import type { CaseRecord } from '@app/case-systems';
import type { CaseSystem } from '@app/domain';
import type { LinkageRecord } from '@app/matching';

/** One key across both systems: record ids are only unique within a case system. */
export const indexKey = (system: CaseSystem, recordId: string): string => `${system}:${recordId}`;

/** What the caller put in `map` under `key` itself: nothing there is a bug in the caller (`what` it was doing). */
export function known<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`lost track of a record while ${what}`);
  return value;
}

export function parseIndexKey(key: string): { system: CaseSystem; recordId: string } {
  const i = key.indexOf(':');
  return { system: key.slice(0, i) as CaseSystem, recordId: key.slice(i + 1) };
}

/** The engine's view of a case record (the same fields the interchange CSV carries). */
export function toLinkageRecord(record: CaseRecord): LinkageRecord {
  return {
    recordId: indexKey(record.system, record.recordId),
    sourceSystem: record.system,
    firstName: record.firstName,
    middleNames: record.middleNames,
    lastName: record.lastName,
    aliases: record.aliases,
    dateOfBirth: record.dateOfBirth,
    dobEstimated: record.dateOfBirthEstimated,
    sex: record.sex,
    nationality: record.nationality,
    nhsNumber: record.nhsNumber,
    // A transfer's record in the other system, in the same key form, as the interchange CSV's other_id. It also
    // tells the engine the referral date is the first system's (a child's), not when this system took the case.
    otherId: record.linkedRecordIds.length ? indexKey(record.system === 'AIS' ? 'LCS' : 'AIS', record.linkedRecordIds[0]) : null,
    referralDate: record.referralDate,
    anonymous: record.anonymous,
  };
}

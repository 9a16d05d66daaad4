import type { RecordOnceSchema } from '@app/common';

/** AIS's tables as the record-once functions use them (migration AisRecordOnce). */
export const AIS_RECORD_ONCE: RecordOnceSchema = {
  register: { table: 'ais.persons', id: 'person_id', nextId: 'ais.next_person_id()', surnameCase: 'lower' },
  record: { table: 'ais.safeguarding_concerns', id: 'concern_id', nextId: 'ais.next_concern_id()', registerId: 'person_id' },
  feed: { table: 'ais.change_feed', recordId: 'concern_id', version: 'concern_version', change: 'change_type' },
};

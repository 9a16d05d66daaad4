import type { RecordOnceSchema } from '@app/common';

/** LCS's tables as the record-once functions use them (migration LcsRecordOnce). */
export const LCS_RECORD_ONCE: RecordOnceSchema = {
  register: { table: 'lcs.children', id: 'child_id', nextId: 'lcs.next_child_id()', surnameCase: 'upper' },
  record: { table: 'lcs.contacts', id: 'contact_id', nextId: "nextval('lcs.contact_id_seq')::text", registerId: 'child_id' },
  feed: { table: 'lcs.feed', recordId: 'contact_id', version: 'version', change: 'event' },
};

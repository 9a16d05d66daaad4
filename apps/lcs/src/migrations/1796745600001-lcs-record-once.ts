import { RecordOnceMigration } from '@app/common';
import { LCS_RECORD_ONCE } from '../register/record-once';

/** A contact, its register child and its feed entry written by one function call (see `recordOnceUp`). */
export class LcsRecordOnce1796745600001 extends RecordOnceMigration {
  name = 'LcsRecordOnce1796745600001';
  protected tables = LCS_RECORD_ONCE;
}

import { RecordOnceMigration } from '@app/common';
import { AIS_RECORD_ONCE } from '../register/record-once';

/** A concern, its register person and its feed entry written by one function call (see `recordOnceUp`). */
export class AisRecordOnce1796745600000 extends RecordOnceMigration {
  name = 'AisRecordOnce1796745600000';
  protected tables = AIS_RECORD_ONCE;
}

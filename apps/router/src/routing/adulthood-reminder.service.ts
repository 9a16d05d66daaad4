import { Injectable, Logger } from '@nestjs/common';
import { AdulthoodRepository } from '@app/database';
import { adulthoodOf, ukDateOn } from '@app/domain';

/**
 * The daily reminder (docs/transitions.md). It moves no case and closes nothing: turning 18 is a set of decisions
 * the lead records (Care Act 2014 ss.58–66; children's services keep a care leaver's case). It flags each child
 * whose 18th birthday has passed with nothing recorded, once, so the approaching-adulthood worklist shows since when.
 */
@Injectable()
export class AdulthoodReminderService {
  private readonly logger = new Logger(AdulthoodReminderService.name);

  constructor(private readonly adulthood: AdulthoodRepository) {}

  /** Answers how many birthdays were flagged for the first time. */
  async remindBirthdaysPassed(today = ukDateOn()): Promise<number> {
    const due: Array<{ referralId: string; eighteenthBirthday: string }> = [];
    for (const row of await this.adulthood.candidates()) {
      const status = adulthoodOf(row, today);
      if (status?.birthdayPassedNothingRecorded) due.push({ referralId: row.referralId, eighteenthBirthday: status.eighteenthBirthday });
    }
    const flagged = await this.adulthood.flagReminders(due, today);
    // Counts only: the ids are on the worklist, for those allowed to read it.
    if (due.length) this.logger.log({ passedNothingRecorded: due.length, newlyFlagged: flagged.length }, '18th birthdays passed with nothing recorded');
    return flagged.length;
  }
}

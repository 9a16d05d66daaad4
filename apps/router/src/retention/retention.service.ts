import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditService } from '@app/audit';
import type { Environment } from '@app/config';
import { RetentionRepository } from '@app/database';
import { toIsoDate } from '@app/domain';

const BATCH = 500;

/**
 * Anonymises what is past its retention period (docs/domain.md, "Retention"): adult safeguarding records some years
 * after last contact, children's records to an anniversary of birth — and a linked person by the longest class
 * among their records. Anonymised, not deleted: counts already reported to boards stay true.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly retention: RetentionRepository,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async run(today = toIsoDate(new Date())): Promise<number> {
    const rules = {
      adultYearsAfterContact: this.config.get('RETENTION_ADULT_YEARS_AFTER_CONTACT', { infer: true }),
      childUntilAge: this.config.get('RETENTION_CHILD_UNTIL_AGE', { infer: true }),
      childYearsWithoutBirthDate: this.config.get('RETENTION_CHILD_YEARS_WITHOUT_BIRTH_DATE', { infer: true }),
    };
    let total = 0;
    for (;;) {
      const due = await this.retention.due(today, rules, BATCH);
      for (const subject of due) {
        await this.retention.transaction(async (manager) => {
          const records = await this.retention.anonymise(manager, subject);
          await this.audit.recordSystem(
            'retention',
            'retention.anonymised',
            subject.personId ? { type: 'person', id: subject.personId } : { type: 'referral', id: subject.subject },
            { referrals: subject.referralIds.length, caseRecords: records.length },
            manager,
          );
        });
      }
      total += due.length;
      if (due.length < BATCH) break;
    }
    if (total) this.logger.log({ subjects: total }, 'records past retention anonymised');
    return total;
  }
}

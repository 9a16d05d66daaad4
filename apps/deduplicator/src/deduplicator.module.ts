import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { createLoggerModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { QueueConnectionModule } from '@app/queues';
import { LinkingModule } from './linking/linking.module';

/** The deduplicator: a worker with no HTTP routes that keeps the person index. */
@Module({
  imports: [appConfigModule(), createLoggerModule('deduplicator'), SchemaDatabaseModule.central('deduplicator'), QueueConnectionModule.forRoot(), AuditModule, LinkingModule],
})
export class DeduplicatorModule {}

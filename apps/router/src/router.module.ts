import { Module } from '@nestjs/common';
import { createLoggerModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { QueueConnectionModule } from '@app/queues';
import { RoutingModule } from './routing/routing.module';

/** The age router: a worker with no HTTP routes (STYLE.md 6). */
@Module({
  imports: [appConfigModule(), createLoggerModule('router'), SchemaDatabaseModule.central('router'), QueueConnectionModule.forRoot(), RoutingModule],
})
export class RouterModule {}

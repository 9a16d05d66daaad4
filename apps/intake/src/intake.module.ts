import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { createLoggerModule, HealthModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { QueueConnectionModule } from '@app/queues';
import { ReferralsModule } from './referrals/referrals.module';

@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('intake'),
    SchemaDatabaseModule.central('intake'),
    QueueConnectionModule.forRoot(),
    AuthModule.forRoot(),
    HealthModule.forRoot({ redis: true }),
    ReferralsModule,
  ],
})
export class IntakeModule {}

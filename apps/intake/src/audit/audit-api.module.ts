import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { AuditController } from './audit.controller';

@Module({ imports: [CentralRepositoriesModule], controllers: [AuditController] })
export class AuditApiModule {}

import { Global, Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { AuditedAuthEvents, AuditService } from './audit.service';
import { RefusedAnonymousCounter } from './refused-anonymous.counter';

@Global()
@Module({
  imports: [CentralRepositoriesModule],
  providers: [AuditService, AuditedAuthEvents, RefusedAnonymousCounter],
  exports: [AuditService, AuditedAuthEvents, RefusedAnonymousCounter],
})
export class AuditModule {}

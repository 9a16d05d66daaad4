import { Global, Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { AuditedAuthEvents, AuditService } from './audit.service';

@Global()
@Module({
  imports: [CentralRepositoriesModule],
  providers: [AuditService, AuditedAuthEvents],
  exports: [AuditService, AuditedAuthEvents],
})
export class AuditModule {}

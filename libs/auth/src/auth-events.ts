import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from './principal';

/**
 * Where the guard reports refusals. The default does nothing; an app with the audit module binds its audit
 * writer here (AuthModule.forRoot({ events })).
 */
@Injectable()
export class AuthEvents {
  async refused(_request: Request, _principal: Principal | undefined, _reason: string): Promise<void> {}
}

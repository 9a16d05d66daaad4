import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { memoiseValidationMetadata } from '../../libs/common/src/validation';
import { ReferralBodyPipe } from '../../apps/intake/src/referrals/referral-body.pipe';

/**
 * Nest with nothing of intake's but the referral's validation (optional) and its one statement: what the framework
 * itself costs a request, on Express or Fastify. Environment: as floor-server, plus FLOOR_ADAPTER (express or
 * fastify) and FLOOR_VALIDATE (1 or 0).
 */
const text = readFileSync(process.env.FLOOR_STATEMENT ?? '', 'utf8');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const validate = process.env.FLOOR_VALIDATE !== '0';

@Controller('v1/referrals')
class FloorController {
  @Post()
  @HttpCode(201)
  // The body is read (and validated, with FLOOR_VALIDATE=1) as intake reads it; the statement does not use it.
  async create(@Body(...(validate ? [ReferralBodyPipe] : [])) _body: unknown): Promise<{ reference?: string; status: string }> {
    const { rows } = await pool.query<{ reference: string }>({ name: 'floor', text, values: [randomBytes(8).readBigUInt64BE().toString()] });
    return { reference: rows[0]?.reference, status: 'accepted' };
  }
}

@Module({ controllers: [FloorController], providers: [ReferralBodyPipe] })
class FloorModule {}

async function main(): Promise<void> {
  memoiseValidationMetadata();
  const app =
    process.env.FLOOR_ADAPTER === 'fastify'
      ? await NestFactory.create(FloorModule, new FastifyAdapter({ bodyLimit: 1_048_576 }), { logger: false })
      : await NestFactory.create(FloorModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}
void main();

import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { ConfigService } from '@nestjs/config';
import type { AddressInfo } from 'node:net';
import { CaseSubject, toAisSubject, toLcsChild, ukDateOf } from '@app/case-systems';
import type { CaseSystem } from '@app/domain';
import { bearer } from './auth';

export interface MimicFaults {
  /** Added to every API request (health checks excepted). */
  latencyMs: number;
  /** Share of API requests answered 503 before anything is written, 0..1. */
  failureRate: number;
}

export interface StartMimicOptions extends Partial<MimicFaults> {
  /**
   * The test file's database (createTestDatabase().url). The mimic's schema lives beside the central one, so
   * intake, router and mimics of one file share it. An app module reads DATABASE_URL once, when first imported:
   * one database per test file.
   */
  databaseUrl: string;
}

export interface RunningMimic {
  system: CaseSystem;
  /** Base URL for AisClient / LcsClient, e.g. http://127.0.0.1:40123 */
  url: string;
  app: INestApplication<Server>;
  /** Make the running mimic slow or failing, or well again (e.g. a case system going down mid-test). */
  setFaults(faults: Partial<MimicFaults>): void;
  close(): Promise<void>;
}

/** Starts the AIS mimic in-process on a free port. Faults not given come from MIMIC_* (default: none). */
export function startAis(options: StartMimicOptions): Promise<RunningMimic> {
  return startMimic('AIS', options);
}

/** Starts the LCS mimic in-process on a free port. Faults not given come from MIMIC_* (default: none). */
export function startLcs(options: StartMimicOptions): Promise<RunningMimic> {
  return startMimic('LCS', options);
}

export async function startMimic(system: CaseSystem, options: StartMimicOptions): Promise<RunningMimic> {
  process.env.DATABASE_URL = options.databaseUrl;
  process.env.LOG_LEVEL ??= process.env.TEST_LOG_LEVEL ?? 'silent';
  // Apps refuse to start without AUTH_MODE; a test file that starts only mimics has not set the test environment.
  process.env.AUTH_MODE ??= 'development';
  const { app, faults } = system === 'AIS' ? await createAis() : await createLcs();
  const configured = app.get(ConfigService).get<string>('DATABASE_URL');
  if (configured !== options.databaseUrl) {
    await app.close();
    throw new Error(`the ${system} mimic was configured for another database when first imported; start mimics with one databaseUrl per test file`);
  }
  const given: Partial<MimicFaults> = {};
  if (options.latencyMs !== undefined) given.latencyMs = options.latencyMs;
  if (options.failureRate !== undefined) given.failureRate = options.failureRate;
  faults.set(given);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    system,
    url: `http://127.0.0.1:${port}`,
    app,
    setFaults: (f) => faults.set(f),
    close: () => app.close(),
  };
}

interface Faultable {
  set(faults: Partial<MimicFaults>): void;
}

async function createAis(): Promise<{ app: INestApplication<Server>; faults: Faultable }> {
  const { createAisApp } = await import('../../apps/ais/src/ais.app');
  const { FaultInjectionService } = await import('@app/common');
  const app = await createAisApp();
  return { app, faults: app.get(FaultInjectionService) };
}

async function createLcs(): Promise<{ app: INestApplication<Server>; faults: Faultable }> {
  const { createLcsApp } = await import('../../apps/lcs/src/lcs.app');
  const { FaultInjectionService } = await import('@app/common');
  const app = await createLcsApp();
  return { app, faults: app.get(FaultInjectionService) };
}

export interface DirectEntry {
  subject: Partial<CaseSubject>;
  /** ISO YYYY-MM-DD; today when not given. */
  referralDate?: string;
  /** The Home Office NRM/DtN reference the practitioner records. */
  nrmReference?: string;
  /** AIS only: whether the practitioner recorded an NRM referral or a Duty to Notify. */
  referralType?: 'NRM' | 'DutyToNotify';
}

/**
 * Records a case the way a practitioner would, straight into the case system (no client reference), and
 * answers its record id. For deduplicator tests that need records Referral Hub never sent.
 */
export async function enterDirectly(mimic: RunningMimic, entry: DirectEntry): Promise<string> {
  const date = entry.referralDate ?? ukDateOf(new Date());
  if (mimic.system === 'AIS') {
    const [y, m, d] = date.split('-');
    const body = await send(mimic, 'POST', '/api/v2/SafeguardingConcerns', {
      Source: 'Practitioner',
      Category: 'Modern Slavery',
      ConcernDate: `${d}/${m}/${y}`,
      Subject: toAisSubject(entry.subject),
      ReportedBy: { Organisation: 'Adult Social Care', OrganisationType: 'Local Authority' },
      ...(entry.nrmReference ? { NrmReference: entry.nrmReference } : {}),
      ...(entry.referralType ? { ReferralType: entry.referralType } : {}),
    });
    return (body as { ConcernId: string }).ConcernId;
  }
  const body = await send(mimic, 'POST', '/lcs/api/contacts', {
    source: 'PRACTITIONER',
    contactDate: date,
    child: toLcsChild(entry.subject),
    referrer: { agency: 'MASH', agencyType: 'LA' },
    factors: ['12A'],
    ...(entry.nrmReference ? { nrmReference: entry.nrmReference } : {}),
  });
  return (body as { id: string }).id;
}

/** A practitioner's correction of the subject's details: only the fields given change. */
export async function amendDirectly(mimic: RunningMimic, recordId: string, subject: Partial<CaseSubject>): Promise<void> {
  if (mimic.system === 'AIS') {
    const fields: Record<string, unknown> = { ...toAisSubject(subject) };
    if (subject.sex === undefined) delete fields.Gender;
    await send(mimic, 'PATCH', `/api/v2/SafeguardingConcerns/${encodeURIComponent(recordId)}`, { Subject: fields });
    return;
  }
  const fields: Record<string, unknown> = { ...toLcsChild(subject) };
  if (subject.sex === undefined) delete fields.gender;
  if (subject.firstName === undefined && subject.middleNames === undefined && subject.lastName === undefined) delete fields.name;
  await send(mimic, 'PATCH', `/lcs/api/contacts/${encodeURIComponent(recordId)}`, { child: fields });
}

async function send(mimic: RunningMimic, method: 'POST' | 'PATCH', path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${mimic.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: await bearer('service') },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`${mimic.system} ${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

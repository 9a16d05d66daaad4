import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseSystem } from '@app/domain';
import { ReferralEntity, ReferralStatus } from './referral.entity';
import { AUDIT_COLUMNS, auditValues, type AuditRecord } from './audit.repository';
import type { OutboxMessage } from './outbox.repository';
import { preparedQuery } from './write-part';

export interface ReferralFilter {
  /** Exactly this organisation (a first responder's own). */
  organisation?: string;
  /** Organisations whose name holds this, in any case ("thames valley" finds Thames Valley Police). */
  organisationContains?: string;
  kind?: 'nrm' | 'dtn';
  status?: ReferralStatus;
  caseSystem?: CaseSystem;
  personId?: string;
  from?: string;
  to?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A new referral's columns; the reference is drawn in the statement that writes it. */
export type NewReferral = Pick<
  ReferralEntity,
  | 'id'
  | 'kind'
  | 'status'
  | 'anonymous'
  | 'organisation'
  | 'organisationType'
  | 'referredAt'
  | 'receivedAt'
  | 'under18'
  | 'under18DuringExploitation'
  | 'ageDisputed'
  | 'dateOfBirth'
  | 'gender'
  | 'nationality'
  | 'secondNationality'
  | 'exploitationTypes'
  | 'exploitationLocation'
  | 'countyLines'
  | 'exploitationStart'
  | 'routeSystem'
  | 'routeReason'
  | 'routeConflict'
  | 'routeExplanation'
  | 'routingAttempts'
  | 'redriveGeneration'
  | 'details'
>;

export interface ReferralCreation {
  referral: NewReferral;
  /** The reference is this followed by the next number of the reference sequence, at least six digits. */
  referencePrefix: string;
  /** The message that carries the referral to the router. */
  outbox: OutboxMessage;
  /**
   * The id of a children's services prompt to raise with it (an adult's referral saying they have children), or
   * null: the same statement writes it, as recording the person's circumstances later would.
   */
  childrenPromptId: string | null;
  /** The audit of its creation. */
  audit?: AuditRecord;
  /** An Idempotency-Key: claimed, and its answer stored, by the same statement. */
  idempotency?: { scope: string; key: string; requestHash: string; ttlHours: number; status: number; answer: Record<string, unknown> };
}

/** An in-flight claim older than this belongs to a request that died (an earlier version's); another may take it over. */
const ABANDONED_CLAIM_SECONDS = 60;

const REFERRAL_VALUES: ReadonlyArray<[column: string, type: string, value: (r: NewReferral) => unknown]> = [
  ['id', 'uuid', (r) => r.id],
  ['kind', 'text', (r) => r.kind],
  ['status', 'text', (r) => r.status],
  ['anonymous', 'boolean', (r) => r.anonymous],
  ['organisation', 'text', (r) => r.organisation],
  ['organisation_type', 'text', (r) => r.organisationType],
  ['referred_at', 'timestamptz', (r) => r.referredAt],
  ['received_at', 'timestamptz', (r) => r.receivedAt],
  ['under18', 'text', (r) => r.under18],
  ['under18_during_exploitation', 'text', (r) => r.under18DuringExploitation],
  ['age_disputed', 'boolean', (r) => r.ageDisputed],
  ['date_of_birth', 'date', (r) => r.dateOfBirth],
  ['gender', 'text', (r) => r.gender],
  ['nationality', 'text', (r) => r.nationality],
  ['second_nationality', 'text', (r) => r.secondNationality],
  ['exploitation_types', 'text[]', (r) => r.exploitationTypes],
  ['exploitation_location', 'text', (r) => r.exploitationLocation],
  ['county_lines', 'boolean', (r) => r.countyLines],
  ['exploitation_start', 'date', (r) => r.exploitationStart],
  ['route_system', 'text', (r) => r.routeSystem],
  ['route_reason', 'text', (r) => r.routeReason],
  ['route_conflict', 'boolean', (r) => r.routeConflict],
  ['route_explanation', 'text', (r) => r.routeExplanation],
  ['routing_attempts', 'integer', (r) => r.routingAttempts],
  ['redrive_generation', 'integer', (r) => r.redriveGeneration],
  ['details', 'jsonb', (r) => JSON.stringify(r.details)],
];

/**
 * The statement that writes a new referral: its reference number, the row, its outbox message, a children's
 * services prompt where one is due, the audit of its creation and, with an Idempotency-Key, the key's claim and stored answer. One statement is one round trip and
 * atomic; with a key, nothing else is written unless the key was free (or expired), so a replay writes nothing.
 */
function creationStatement(withKey: boolean, withAudit: boolean): string {
  const p = (n: number) => `$${n}`;
  let n = 1;
  const prefix = p(n++);
  const referralParams = REFERRAL_VALUES.map(([, type]) => `${p(n++)}::${type}`);
  const outboxParams = [p(n++), p(n++), `${p(n++)}::jsonb`];
  const promptParam = `${p(n++)}::uuid`;
  const auditColumns = AUDIT_COLUMNS.split(', ');
  const auditParams = withAudit ? auditColumns.map((column) => `${p(n++)}${column === 'details' ? '::jsonb' : '::text'}`) : [];
  const next = `SELECT ${prefix}::text || lpad(s.n::text, greatest(6, length(s.n::text)), '0') AS reference FROM nextval('central.referral_reference_seq') AS s(n)`;
  const claim = withKey
    ? `claim AS (
         INSERT INTO central.idempotency_keys AS k (scope, key, request_hash, state, expires_at, response_status, response_body)
         SELECT ${p(n++)}, ${p(n++)}, ${p(n++)}, 'completed', now() + ${p(n++)}::int * interval '1 hour', ${p(n++)}::int,
                jsonb_set(${p(n++)}::jsonb, '{reference}', to_jsonb(r.reference))
           FROM (${next}) r
         ON CONFLICT (scope, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, state = 'completed', claimed_at = now(), expires_at = EXCLUDED.expires_at,
               response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body
           WHERE k.expires_at < now()
              OR (k.state = 'in_flight' AND k.request_hash = EXCLUDED.request_hash AND k.claimed_at < now() - ${ABANDONED_CLAIM_SECONDS} * interval '1 second')
         RETURNING response_body->>'reference' AS reference)`
    : `claim AS (${next})`;
  return `WITH ${claim},
    referral AS (
      INSERT INTO central.referrals (reference, ${REFERRAL_VALUES.map(([c]) => c).join(', ')})
      SELECT claim.reference, ${referralParams.join(', ')} FROM claim
      RETURNING id, reference),
    outbox AS (
      INSERT INTO central.outbox (topic, aggregate_id, job_id, payload) SELECT ${outboxParams[0]}, referral.id, ${outboxParams[1]}, ${outboxParams[2]} FROM referral),
    prompt AS (
      INSERT INTO central.children_prompts (id, referral_id) SELECT ${promptParam}, referral.id FROM referral WHERE ${promptParam} IS NOT NULL)
    ${withAudit ? `, audit AS (INSERT INTO central.audit_events (${AUDIT_COLUMNS}) SELECT ${auditParams.join(', ')} FROM referral)` : ''}
    SELECT reference FROM referral`;
}

/**
 * What each $n of `creationStatement` carries, in order: `referencePrefix`, `referral.<column>`, `outbox.<field>`,
 * `prompt.id`, `audit.<column>`, `key.<field>` (for a benchmark that runs the same statement in pgbench).
 */
export function creationParameters(withKey: boolean, withAudit: boolean): { sql: string; parameters: string[] } {
  const parameters = [
    'referencePrefix',
    ...REFERRAL_VALUES.map(([column]) => `referral.${column}`),
    'outbox.topic',
    'outbox.jobId',
    'outbox.payload',
    'prompt.id',
    ...(withAudit ? AUDIT_COLUMNS.split(', ').map((c) => `audit.${c}`) : []),
    ...(withKey ? ['key.scope', 'key.key', 'key.requestHash', 'key.ttlHours', 'key.status', 'key.answer'] : []),
  ];
  return { sql: creationStatement(withKey, withAudit), parameters };
}

/** The creation statement by [with an idempotency key][with an audit entry] (0 without, 1 with). */
const CREATION_STATEMENTS = [false, true].map((withKey) => [false, true].map((withAudit) => creationStatement(withKey, withAudit)));

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, referral: Partial<ReferralEntity>): Promise<void> {
    await manager.insert(ReferralEntity, referral);
  }

  /**
   * Writes a new referral with everything that must land with it, in one statement (see `creationStatement`).
   * Answers its reference, or undefined when the Idempotency-Key was already taken (nothing was written).
   */
  async create(creation: ReferralCreation): Promise<{ reference: string } | undefined> {
    const { referral, outbox, audit, idempotency: key } = creation;
    const values: unknown[] = [
      creation.referencePrefix,
      ...REFERRAL_VALUES.map(([, , value]) => value(referral)),
      outbox.topic,
      outbox.jobId,
      JSON.stringify(outbox.payload),
      creation.childrenPromptId,
    ];
    if (audit) values.push(...auditValues(audit));
    if (key) values.push(key.scope, key.key, key.requestHash, key.ttlHours, key.status, JSON.stringify(key.answer));
    const statement = CREATION_STATEMENTS[key ? 1 : 0][audit ? 1 : 0];
    const rows = await preparedQuery<{ reference: string }>(this.dataSource, `rh_referral_create_${String(!!key)}_${String(!!audit)}`, statement, values);
    return rows[0];
  }

  findById(id: string): Promise<ReferralEntity | null> {
    return this.dataSource.getRepository(ReferralEntity).findOneBy({ id });
  }

  /** What a delivery reads: the route and the referral as received, without the entity's other columns. */
  async findForDelivery(id: string): Promise<Pick<ReferralEntity, 'id' | 'status' | 'routeSystem' | 'details'> | undefined> {
    const rows = await preparedQuery<{ id: string; status: ReferralStatus; route_system: CaseSystem; details: ReferralEntity['details'] }>(
      this.dataSource,
      'rh_referral_for_delivery',
      `SELECT id, status, route_system, details FROM central.referrals WHERE id = $1`,
      [id],
    );
    const row = rows.at(0);
    return row && { id: row.id, status: row.status, routeSystem: row.route_system, details: row.details };
  }

  async list(filter: ReferralFilter, limit: number, offset: number): Promise<Page<ReferralEntity>> {
    const qb = this.dataSource.getRepository(ReferralEntity).createQueryBuilder('r');
    if (filter.organisation) qb.andWhere('r.organisation = :organisation', { organisation: filter.organisation });
    if (filter.organisationContains) {
      qb.andWhere(`r.organisation ILIKE :part ESCAPE '\\'`, { part: `%${filter.organisationContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.caseSystem) qb.andWhere('r.case_system = :caseSystem', { caseSystem: filter.caseSystem });
    if (filter.personId) qb.andWhere('r.person_id = :personId', { personId: filter.personId });
    if (filter.from) qb.andWhere('r.referred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere(`r.referred_at < (:to::date + 1)`, { to: filter.to });
    // Newest first within a day too (referrals dated alike, the last received first); the unique reference settles
    // any tie left, so every page lists the same rows in the same order.
    const [items, total] = await qb
      .orderBy('r.referred_at', 'DESC')
      .addOrderBy('r.received_at', 'DESC')
      .addOrderBy('r.reference', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total };
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(ReferralEntity).count();
  }

  /** Idempotent: a second delivery of the same referral changes nothing. */
  async markRouted(id: string, system: CaseSystem, recordId: string, attempts: number): Promise<boolean> {
    const result = await preparedQuery(
      this.dataSource,
      'rh_referral_routed',
      `UPDATE central.referrals
          SET status = 'routed', case_system = $2, case_record_id = $3, routed_at = now(),
              routing_attempts = $4, routing_error = NULL, updated_at = now(),
              -- the deduplicator may have linked the record before the router heard back
              person_id = coalesce((SELECT person_id FROM central.record_links WHERE system = $2 AND record_id = $3), person_id)
        WHERE id = $1 AND status <> 'routed'
        RETURNING id`,
      [id, system, recordId, attempts],
    );
    return result.length > 0;
  }

  async recordRoutingAttempt(id: string, attempts: number, error: string, failed: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE central.referrals
          SET routing_attempts = $2, routing_error = $3, updated_at = now(),
              status = CASE WHEN $4 AND status = 'accepted' THEN 'routing_failed' ELSE status END
        WHERE id = $1`,
      [id, attempts, error.slice(0, 500), failed],
    );
  }

  /** Puts a failed referral back to accepted; answers the new generation (part of the next job's id). */
  async redrive(manager: EntityManager, id: string): Promise<number | undefined> {
    // For UPDATE … RETURNING the postgres driver answers [rows, affected count].
    const [rows]: [Array<{ redrive_generation: number }>, number] = await manager.query(
      `UPDATE central.referrals
          SET status = 'accepted', redrive_generation = redrive_generation + 1, routing_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'routing_failed'
        RETURNING redrive_generation`,
      [id],
    );
    return rows[0]?.redrive_generation;
  }

  /** The case now lives in another system (a transition); the referral keeps its id and reference. */
  async moveCase(manager: EntityManager, id: string, system: CaseSystem, recordId: string): Promise<void> {
    await manager.query(
      `UPDATE central.referrals SET case_system = $2, case_record_id = $3, updated_at = now(),
              person_id = coalesce((SELECT person_id FROM central.record_links WHERE system = $2 AND record_id = $3), person_id)
        WHERE id = $1`,
      [id, system, recordId],
    );
  }
}

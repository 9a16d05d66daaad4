import { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1764000000000 implements MigrationInterface {
  name = 'Referrals1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE central.referral_reference_seq`);
    await q.query(`
      CREATE TABLE central.referrals (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('nrm', 'dtn')),
        status text NOT NULL CHECK (status IN ('accepted', 'routed', 'routing_failed')),
        anonymous boolean NOT NULL,
        organisation text NOT NULL,
        organisation_type text NOT NULL,
        referred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        under18 text NOT NULL,
        under18_during_exploitation text,
        age_disputed boolean NOT NULL DEFAULT false,
        date_of_birth date,
        gender text NOT NULL,
        nationality text NOT NULL,
        second_nationality text,
        exploitation_types text[] NOT NULL,
        exploitation_location text NOT NULL,
        exploitation_start date,
        route_system text NOT NULL CHECK (route_system IN ('AIS', 'LCS')),
        route_reason text NOT NULL,
        route_conflict boolean NOT NULL,
        route_explanation text NOT NULL,
        case_system text CHECK (case_system IN ('AIS', 'LCS')),
        case_record_id text,
        routed_at timestamptz,
        routing_attempts integer NOT NULL DEFAULT 0,
        routing_error text,
        redrive_generation integer NOT NULL DEFAULT 0,
        person_id uuid,
        details jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX referrals_referred_at_idx ON central.referrals (referred_at)`);
    await q.query(`CREATE INDEX referrals_organisation_idx ON central.referrals (organisation, referred_at)`);
    await q.query(`CREATE INDEX referrals_status_idx ON central.referrals (status) WHERE status <> 'routed'`);
    await q.query(`CREATE UNIQUE INDEX referrals_case_record_idx ON central.referrals (case_system, case_record_id)`);
    await q.query(`CREATE INDEX referrals_person_idx ON central.referrals (person_id)`);
    await q.query(`CREATE INDEX referrals_open_children_idx ON central.referrals (date_of_birth) WHERE case_system = 'LCS'`);

    // Transactional outbox: written with the referral, moved to BullMQ by the relay (and its sweeper).
    await q.query(`
      CREATE TABLE central.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        aggregate_id uuid NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON central.outbox (available_at, id) WHERE sent_at IS NULL`);

    // IETF draft "The Idempotency-Key HTTP Header Field": one answer per (caller, key).
    await q.query(`
      CREATE TABLE central.idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        response_status integer,
        response_body jsonb,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_expiry_idx ON central.idempotency_keys (expires_at)`);

    await q.query(`
      CREATE TABLE central.age_assessments (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        assessed_on date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('adult', 'child')),
        assessed_date_of_birth date,
        authority text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX age_assessments_referral_idx ON central.age_assessments (referral_id)`);

    // A move of a case from children's to adults' services: neither a new referral nor a new person.
    await q.query(`
      CREATE TABLE central.transitions (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES central.referrals (id),
        from_system text NOT NULL,
        from_record_id text NOT NULL,
        to_system text NOT NULL,
        to_record_id text,
        reason text NOT NULL CHECK (reason IN ('age_assessment_adult', 'eighteenth_birthday')),
        effective_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'completed')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (referral_id, from_system, to_system)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE central.transitions`);
    await q.query(`DROP TABLE central.age_assessments`);
    await q.query(`DROP TABLE central.idempotency_keys`);
    await q.query(`DROP TABLE central.outbox`);
    await q.query(`DROP TABLE central.referrals`);
    await q.query(`DROP SEQUENCE central.referral_reference_seq`);
  }
}

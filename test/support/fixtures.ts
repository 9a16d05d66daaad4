/**
 * The one factory for test referrals, case records and stored rows, for unit specs and integration tests alike: a
 * plausible default, and an override of whatever a test is about (`aReferral({ age: { under18: 'not_sure' } })`).
 * A test that depends on a value gives it in its overrides where the value is the point of the test; some tests
 * assert on defaults (a record's id, the adult's name), so change one with care. A body the domain's Referral does
 * not describe (an unknown field, a bad value) is spread from one: `{ ...aReferral(), kind: 'x' }`.
 * The Home Office form's own recorded journeys are turned into referrals by home-office-form.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord, CaseReferralFacts } from '@app/case-systems';
import { nrmReferenceKey, type FirstResponder, type LocalAuthorityContact, type NrmDecisionType, type NrmReferralFacts, type Referral } from '@app/domain';
import type { Client } from 'pg';

// Referrals as a first responder sends them to POST /v1/referrals (docs/domain.md, "The referral").

export const firstResponder: FirstResponder = {
  organisation: 'Thames Valley Police',
  organisationType: 'police',
  name: 'Sam Officer',
  role: 'Detective Constable',
  email: 'sam.officer@police.example',
};

export const localAuthorityContact: LocalAuthorityContact = {
  authority: 'Buckinghamshire Council',
  phone: '01296 395000',
  email: 'mash@buckinghamshire.example',
};

/** An adult's NRM referral, with consent, exploited in the UK, routed to AIS. */
export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'nrm',
    firstResponder,
    age: { under18: 'no', under18DuringExploitation: 'no' },
    consentToNrm: true,
    potentialVictim: { gender: 'female', nationality: 'ALB', firstName: 'Arta', lastName: 'Hoxha', dateOfBirth: '1994-03-12' },
    exploitation: { types: ['sexual', 'labour'], location: 'uk', ukTowns: ['High Wycombe'] },
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

/** A child's NRM referral by the local authority (no consent asked), routed to LCS. */
export function aChildReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'nrm',
    firstResponder: { ...firstResponder, organisation: 'Buckinghamshire Council', organisationType: 'local_authority' },
    age: { under18: 'yes' },
    potentialVictim: { gender: 'male', nationality: 'VNM', firstName: 'Van', lastName: 'Nguyen', dateOfBirth: '2010-07-01' },
    exploitation: { types: ['criminal'], location: 'uk_and_overseas', countries: ['VNM'], ukTowns: ['Aylesbury'] },
    localAuthorityContact,
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

/** An adult's anonymous Duty to Notify notification: no consent, no name, no date of birth. */
export function aDutyToNotify(overrides: Partial<Referral> = {}): Referral {
  return {
    kind: 'dtn',
    firstResponder,
    age: { under18: 'no', under18DuringExploitation: 'no' },
    consentToNrm: false,
    potentialVictim: { gender: 'male', nationality: 'ERI' },
    exploitation: { types: ['labour'], location: 'overseas', countries: ['LBY'] },
    referredAt: '2026-05-04T10:00:00Z',
    ...overrides,
  };
}

/** What the NRM case rules read of a stored referral (libs/domain/src/nrm-case.ts): an adult's NRM referral. */
export function nrmReferralFactsOf(overrides: Partial<NrmReferralFacts> = {}): NrmReferralFacts {
  return { kind: 'nrm', referredOn: '2026-05-04', under18: 'no', ageDisputed: false, dateOfBirth: '1994-03-12', ...overrides };
}

// Case records as the case-system clients read them (libs/case-systems/src/case-record.ts).

/** What a practitioner's Modern Slavery record says about its referral: an NRM referral by the local authority. */
export function caseReferralFactsOf(overrides: Partial<CaseReferralFacts> = {}): CaseReferralFacts {
  return {
    modernSlavery: true,
    kind: 'nrm',
    nrmReference: 'NRM-1',
    secondNationality: null,
    exploitationTypes: ['labour'],
    exploitationLocation: 'uk',
    organisationType: 'local_authority',
    ageDisputed: false,
    transferredIn: false,
    ...overrides,
  };
}

/** An adult's AIS concern a practitioner entered directly (no client reference). */
export function anAisRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    system: 'AIS',
    recordId: 'SC-000001',
    version: 1,
    registerPersonId: 'P0000001',
    firstName: 'Ana',
    middleNames: null,
    lastName: 'Popescu',
    aliases: [],
    dateOfBirth: '1990-01-01',
    dateOfBirthEstimated: false,
    sex: 'female',
    nationality: 'ROU',
    nhsNumber: null,
    linkedRecordIds: [],
    referralDate: '2026-05-04',
    clientReference: null,
    source: 'practitioner',
    anonymous: false,
    status: 'open',
    ...overrides,
  };
}

/** A child's LCS contact a practitioner entered directly (no external reference). */
export function anLcsRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    system: 'LCS',
    recordId: '400001',
    version: 1,
    registerPersonId: 'LCS-000001',
    firstName: 'Van',
    middleNames: null,
    lastName: 'NGUYEN',
    aliases: [],
    dateOfBirth: '2010-07-01',
    dateOfBirthEstimated: false,
    sex: 'male',
    nationality: 'VNM',
    nhsNumber: null,
    linkedRecordIds: [],
    referralDate: '2026-05-04',
    clientReference: null,
    source: 'practitioner',
    anonymous: false,
    status: 'open',
    ...overrides,
  };
}

// Case records as the case systems' own APIs take them (the mimics' request bodies, in the vendors' formats).

type Body = Record<string, unknown>;

/** POST /api/v2/SafeguardingConcerns as Referral Hub sends it; `subject` changes fields of the Subject. */
export function anAisConcernRequest(overrides: Body = {}, subject: Body = {}): Body {
  return {
    ClientReference: randomUUID(),
    Source: 'ReferralHub',
    Category: 'Modern Slavery',
    ReferralType: 'NRM',
    ConcernDate: '10/03/2026',
    Subject: { Forename: 'Ana', Surname: 'Hoxha', DateOfBirth: '05/04/1999', Gender: 'F', Nationality: 'Albanian', ...subject },
    ReportedBy: { Organisation: 'Thames Valley Police', OrganisationType: 'Police' },
    RiskTypes: ['Labour Exploitation'],
    LocationOfRisk: 'UK',
    ...overrides,
  };
}

/** POST /lcs/api/contacts as Referral Hub sends it; `child` changes fields of the child. */
export function anLcsContactRequest(overrides: Body = {}, child: Body = {}): Body {
  return {
    externalReference: randomUUID(),
    source: 'INTEGRATION',
    contactDate: '2026-03-10',
    child: { name: 'HOXHA, Ana Maria', dateOfBirth: '2010-06-07', gender: 'female', nationality: 'AL', ...child },
    referrer: { agency: 'Thames Valley Police', agencyType: 'POLICE' },
    factors: ['12A'],
    ...overrides,
  };
}

// Rows written straight to the central schema, for the statistics and the pages that read them.

/**
 * Rows for statistics tests, written straight to the central schema with SQL: referrals as intake stores them,
 * and the person index as the deduplicator would leave it (persons, case records, links, merges). Only the
 * columns statistics read are meaningful; the rest hold plausible values.
 */
export interface ReferralRow {
  id?: string;
  kind?: 'nrm' | 'dtn';
  anonymous?: boolean;
  organisationType?: string;
  referredAt?: string;
  receivedAt?: string;
  under18?: 'yes' | 'no' | 'not_sure';
  under18DuringExploitation?: 'yes' | 'no' | 'not_sure' | null;
  ageDisputed?: boolean;
  dateOfBirth?: string | null;
  gender?: 'female' | 'male' | 'other';
  nationality?: string;
  secondNationality?: string | null;
  exploitationTypes?: string[];
  exploitationLocation?: 'uk' | 'overseas' | 'uk_and_overseas';
  exploitationStart?: string | null;
  /** The case system the referral was routed to; null: not routed yet. Defaults from the age answers. */
  caseSystem?: 'AIS' | 'LCS' | null;
  caseRecordId?: string | null;
  personId?: string | null;
}

/** A referral a practitioner recorded directly in AIS or LCS, as `central.direct_referrals` holds it. */
export interface DirectEntryRow {
  system?: 'AIS' | 'LCS';
  recordId?: string;
  /** YYYY-MM-DD */
  referredOn?: string;
  kind?: 'nrm' | 'dtn' | null;
  nrmReference?: string | null;
  /** Linked to this person (its case record and link written too); none: not linked yet. */
  personId?: string | null;
  /** Counted in this hub referral's episode, by `joinRule`. */
  joinedReferralId?: string | null;
  joinRule?: 'same_reference' | 'window';
  joinReason?: string;
}

export class StatisticsFixtures {
  private sequence = 0;

  constructor(private readonly sql: Client) {}

  /** Inserts a referral (an adult NRM referral routed to AIS unless told otherwise) and answers its id. */
  async referral(row: ReferralRow = {}): Promise<string> {
    const n = ++this.sequence;
    const id = row.id ?? randomUUID();
    const under18 = row.under18 ?? 'no';
    const child = under18 !== 'no' || row.ageDisputed === true;
    const routeSystem = child ? 'LCS' : 'AIS';
    const caseSystem = row.caseSystem === undefined ? routeSystem : row.caseSystem;
    const caseRecordId = caseSystem === null ? null : (row.caseRecordId ?? `${caseSystem}-${id.slice(0, 8)}-${n}`);
    const kind = row.kind ?? 'nrm';
    await this.sql.query(
      `INSERT INTO central.referrals (
         id, reference, kind, status, anonymous, organisation, organisation_type, referred_at, received_at, under18,
         under18_during_exploitation, age_disputed, date_of_birth, gender, nationality, second_nationality,
         exploitation_types, exploitation_location, exploitation_start, route_system, route_reason, route_conflict,
         route_explanation, case_system, case_record_id, routed_at, person_id, details)
       VALUES ($1, $2, $3, $4, $5, 'Test organisation', $6, $7, COALESCE($8::timestamptz, now()), $9, $10, $11, $12, $13, $14, $15,
               $16, $17, $18, $19, $20, false, 'fixture', $21, $22, $23, $24, '{}'::jsonb)`,
      [
        id,
        `RH-T-${id.slice(0, 8)}-${n}`,
        kind,
        caseSystem === null ? 'accepted' : 'routed',
        row.anonymous ?? kind === 'dtn',
        row.organisationType ?? 'police',
        row.referredAt ?? '2026-05-04T10:00:00Z',
        row.receivedAt ?? null,
        under18,
        row.under18DuringExploitation === undefined ? (under18 === 'no' ? 'no' : null) : row.under18DuringExploitation,
        row.ageDisputed ?? false,
        row.dateOfBirth ?? null,
        row.gender ?? 'female',
        row.nationality ?? 'ALB',
        row.secondNationality ?? null,
        row.exploitationTypes ?? ['sexual'],
        row.exploitationLocation ?? 'uk',
        row.exploitationStart ?? null,
        routeSystem,
        child ? 'under_18' : 'adult',
        caseSystem,
        caseRecordId,
        caseSystem === null ? null : (row.referredAt ?? '2026-05-04T10:00:00Z'),
        row.personId ?? null,
      ],
    );
    return id;
  }

  async referrals(count: number, row: ReferralRow | ((i: number) => ReferralRow) = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await this.referral(typeof row === 'function' ? row(i) : row));
    return ids;
  }

  async person(): Promise<string> {
    const id = randomUUID();
    await this.sql.query(`INSERT INTO central.persons (id) VALUES ($1)`, [id]);
    return id;
  }

  /**
   * Links a referral's case record to a person as the deduplicator does: the case record, its link, and the
   * referral's person_id. A referral not yet routed has no case record; only its person_id is set.
   */
  async link(referralId: string, personId: string, decidedBy: 'engine' | 'reviewer' | 'transfer' | 'anonymous' = 'engine'): Promise<void> {
    const {
      rows: [r],
    } = await this.sql.query<{ case_system: 'AIS' | 'LCS' | null; case_record_id: string; anonymous: boolean }>(
      `SELECT case_system, case_record_id, anonymous FROM central.referrals WHERE id = $1`,
      [referralId],
    );
    if (r.case_system) await this.linkRecord(r.case_system, r.case_record_id, personId, decidedBy, referralId, r.anonymous);
    await this.sql.query(`UPDATE central.referrals SET person_id = $2 WHERE id = $1`, [referralId, personId]);
  }

  /** A case record (one practitioners entered directly, or a transferred one) linked to a person. */
  async linkRecord(
    system: 'AIS' | 'LCS',
    recordId: string,
    personId: string,
    decidedBy: 'engine' | 'reviewer' | 'transfer' | 'anonymous' = 'engine',
    referralId: string | null = null,
    anonymous = false,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO central.case_records (system, record_id, version, referral_id, anonymous, record)
       VALUES ($1, $2, 1, $3, $4, '{}'::jsonb) ON CONFLICT (system, record_id) DO NOTHING`,
      [system, recordId, referralId, anonymous],
    );
    await this.sql.query(
      `INSERT INTO central.record_links (system, record_id, person_id, match_status, probability, decided_by, record_version)
       VALUES ($1, $2, $3, 'MATCH', 0.99, $4, 1)
       ON CONFLICT (system, record_id) DO UPDATE SET person_id = EXCLUDED.person_id, decided_by = EXCLUDED.decided_by`,
      [system, recordId, personId, decidedBy],
    );
  }

  /**
   * Merges one person into another. By default as the deduplicator does it (links and referrals follow the
   * surviving person); with `repoint: false` only `merged_into` is set, as between its two steps.
   */
  async merge(from: string, into: string, { repoint = true }: { repoint?: boolean } = {}): Promise<void> {
    await this.sql.query(`UPDATE central.persons SET merged_into = $2, updated_at = now() WHERE id = $1`, [from, into]);
    if (!repoint) return;
    await this.sql.query(`UPDATE central.record_links SET person_id = $2 WHERE person_id = $1`, [from, into]);
    await this.sql.query(`UPDATE central.referrals SET person_id = $2 WHERE person_id = $1`, [from, into]);
  }

  /**
   * Moves a referral's case from LCS to AIS as the router does on an 18th birthday or an adult age assessment:
   * a completed transition, the referral pointing at the new AIS record, and that record linked to the same person.
   */
  async transition(
    referralId: string,
    reason: 'eighteenth_birthday' | 'age_assessment_adult' = 'eighteenth_birthday',
    effectiveOn = '2026-06-01',
  ): Promise<string> {
    const {
      rows: [r],
    } = await this.sql.query<{ case_record_id: string; person_id: string | null }>(`SELECT case_record_id, person_id FROM central.referrals WHERE id = $1`, [
      referralId,
    ]);
    const aisRecord = `AIS-T-${referralId.slice(0, 8)}`;
    await this.sql.query(
      `INSERT INTO central.transitions (id, referral_id, from_system, from_record_id, to_system, to_record_id, reason, effective_on, status, completed_at)
       VALUES ($1, $2, 'LCS', $3, 'AIS', $4, $5, $6, 'completed', now())`,
      [randomUUID(), referralId, r.case_record_id, aisRecord, reason, effectiveOn],
    );
    await this.sql.query(`UPDATE central.referrals SET case_system = 'AIS', case_record_id = $2 WHERE id = $1`, [referralId, aisRecord]);
    if (r.person_id) await this.linkRecord('AIS', aisRecord, r.person_id, 'transfer', referralId);
    return aisRecord;
  }

  /**
   * A direct entry as the deduplicator stores it (the case record, its link to `personId` if given, and its facts),
   * counted on its own or joined to a hub referral's episode. Answers its record id.
   */
  async directEntry(row: DirectEntryRow = {}): Promise<string> {
    const n = ++this.sequence;
    const system = row.system ?? 'AIS';
    const recordId = row.recordId ?? `${system === 'AIS' ? 'SC' : 'LCS'}-T${String(n).padStart(6, '0')}`;
    if (row.personId) await this.linkRecord(system, recordId, row.personId);
    else
      await this.sql.query(`INSERT INTO central.case_records (system, record_id, version, anonymous, record) VALUES ($1, $2, 1, false, '{}'::jsonb)`, [
        system,
        recordId,
      ]);
    const joined = row.joinedReferralId ?? null;
    await this.sql.query(
      `INSERT INTO central.direct_referrals (system, record_id, record_version, referred_on, kind, nrm_reference, reference_key, anonymous,
              under18, age_disputed, gender, nationality, exploitation_types, organisation_type, case_system,
              joined_referral_id, join_rule, join_reason)
       VALUES ($1, $2, 1, $3, $4, $5, $6, false, $7, false, 'female', 'ALB', '{}', 'local_authority', $1, $8, $9, $10)`,
      [
        system,
        recordId,
        row.referredOn ?? '2026-05-06',
        row.kind === undefined ? 'nrm' : row.kind,
        row.nrmReference ?? null,
        nrmReferenceKey(row.nrmReference ?? null),
        system === 'LCS' ? 'yes' : 'no',
        joined,
        joined ? (row.joinRule ?? 'window') : null,
        joined ? (row.joinReason ?? 'Recorded within 30 days of the Referral Hub record of 4 May 2026.') : null,
      ],
    );
    return recordId;
  }

  async ageAssessment(referralId: string, outcome: 'adult' | 'child', assessedOn = '2026-06-01'): Promise<void> {
    await this.sql.query(`INSERT INTO central.age_assessments (id, referral_id, assessed_on, outcome, authority) VALUES ($1, $2, $3, $4, 'Test Council')`, [
      randomUUID(),
      referralId,
      assessedOn,
      outcome,
    ]);
  }

  async decision(referralId: string, type: NrmDecisionType, outcome: string | null, decidedOn: string): Promise<void> {
    await this.sql.query(`INSERT INTO central.decisions (id, referral_id, type, outcome, decided_on, recorded_by) VALUES ($1, $2, $3, $4, $5, 'fixture')`, [
      randomUUID(),
      referralId,
      type,
      outcome,
      decidedOn,
    ]);
  }

  /**
   * Re-routes stored referrals between the case systems (AIS ↔ LCS), route and case record alike, as if the other
   * system had held them all along. No statistic except the case-system breakdown may notice.
   */
  async reroute(referralIds: readonly string[]): Promise<void> {
    await this.sql.query(
      `UPDATE central.referrals
          SET route_system = CASE route_system WHEN 'AIS' THEN 'LCS' ELSE 'AIS' END,
              case_system = CASE case_system WHEN 'AIS' THEN 'LCS' WHEN 'LCS' THEN 'AIS' END,
              case_record_id = CASE WHEN case_record_id IS NULL THEN NULL ELSE 'rerouted-' || case_record_id END
        WHERE id = ANY($1::uuid[])`,
      [referralIds],
    );
  }
}

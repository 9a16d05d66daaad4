import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import type { PotentialVictim } from '@app/domain';
import { bearer } from './support/auth';
import { eventually } from './support/env';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { signIn } from './support/web';
import { ifStarted } from './support/teardown';
import type { StatisticsBody } from './support/bodies';

interface Cell {
  label: string;
  count: number;
}

/** The Home Office form's own words reach the counts: its detailed types, its location rule, its nationality list. */
describe('speaking the Home Office form', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let lead: string;

  beforeAll(async () => {
    system = await startSystem({ env: { FEED_POLL_MS: 100 }, mimics: true, intake: true, insights: true, deduplicator: true });
    intake = system.intake!;
    lead = await bearer('safeguarding_lead');
  });

  afterAll(() => ifStarted(system)?.close());

  const post = (body: object) => request(intake.getHttpServer()).post('/v1/referrals').set('Authorization', lead).send(body);

  it('counts detailed types "forced to commit fraud" and "prostitution" under labour and sexual exploitation', async () => {
    const exploitation = { homeOfficeTypes: ['forced-to-commit-fraud', 'prostitution'], location: 'uk', ukTowns: ['Slough'] };
    // Detailed types alone: intake fills the statistics types from them (a body the domain's Referral does not describe).
    const created = await post({ ...aReferral({ referredAt: '2026-06-02T10:00:00Z' }), exploitation }).expect(201);
    const figures = (await request(system.insights!.getHttpServer()).get('/v1/statistics?from=2026-06-01&to=2026-06-30').set('Authorization', lead).expect(200))
      .body;
    const cells = Object.fromEntries((figures.referrals.breakdowns.exploitationType.cells as Cell[]).filter((c) => c.count).map((c) => [c.label, c.count]));
    expect(cells).toEqual({ 'Sexual & Labour': 1 });
    const stored = await system.sql.query<{ details: { exploitation: object } }>('SELECT details FROM central.referrals WHERE id = $1', [created.body.id]);
    expect(stored.rows[0].details.exploitation).toMatchObject({ types: ['labour', 'sexual'], homeOfficeTypes: ['forced-to-commit-fraud', 'prostitution'] });
  });

  it('counts county lines referrals as a figure of the statistics, referrals and individuals alike', async () => {
    const criminal = (countyLines?: boolean) => ({
      homeOfficeTypes: ['forced-to-commit-crime'],
      location: 'uk',
      ukTowns: ['Luton'],
      ...(countyLines === undefined ? {} : { countyLines }),
    });
    const people = [
      ['Dale', 'Brookes', '2001-02-03'],
      ['Kieran', 'Otieno', '1999-09-10'],
      ['Mason', 'Fairley', '2003-11-30'],
      ['Tyler', 'Ashgrove', '1998-05-17'],
    ];
    for (const [i, countyLines] of [true, true, false, undefined].entries()) {
      const [firstName, lastName, dateOfBirth] = people[i];
      const potentialVictim: PotentialVictim = { gender: 'male', nationality: 'GBR', firstName, lastName, dateOfBirth };
      await post({ ...aReferral({ referredAt: '2026-07-02T10:00:00Z', potentialVictim }), exploitation: criminal(countyLines) }).expect(201);
    }
    const figures: StatisticsBody = (
      await request(system.insights!.getHttpServer()).get('/v1/statistics?from=2026-07-01&to=2026-07-31').set('Authorization', lead).expect(200)
    ).body;
    const cells = (table: { cells: Cell[] }) => Object.fromEntries(table.cells.map((c) => [c.label, c.count]));
    expect(figures.referrals.breakdowns.countyLines).toMatchObject({ title: 'County lines', total: 4 });
    expect(cells(figures.referrals.breakdowns.countyLines)).toEqual({ 'County lines': 2, 'Not flagged as county lines': 2 });
    expect(cells(figures.individuals.breakdowns.countyLines)).toEqual({ 'County lines': 2, 'Not flagged as county lines': 2 });
  });

  it("gives the referral back as the form's answers, keyed by the form's field names, and audits the read", async () => {
    const body = {
      ...aReferral({
        referredAt: '2026-06-03T10:00:00Z',
        potentialVictim: { gender: 'female', nationality: 'ISL', firstName: 'Helga', lastName: 'Jonsdottir', dateOfBirth: '1991-04-05' },
      }),
      exploitation: { homeOfficeTypes: ['forced-to-work', 'wages-taken'], location: 'overseas', countries: ['TUR'] },
    };
    const id: string = (await post(body).expect(201)).body.id;
    const answers = (await request(intake.getHttpServer()).get(`/v1/referrals/${id}/home-office-answers`).set('Authorization', lead).expect(200)).body;
    expect(answers).toMatchObject({
      'pv-name-first-name': 'Helga',
      'pv-name-last-name': 'Jonsdottir',
      'pv-dob': '1991-04-05',
      'pv-nationality': 'Icelandic',
      'types-of-exploitation-forced-to-work': 'true',
      'types-of-exploitation-wages-taken': 'true',
      'where-exploitation-happened': 'overseas',
      'where-exploitation-happened-overseas-country-1': 'Turkey',
      'pv-want-to-submit-nrm': 'yes',
    });
    const audit = await system.sql.query(`SELECT 1 FROM central.audit_events WHERE action = 'referral.home_office_answers.read' AND subject_id = $1`, [id]);
    expect(audit.rowCount).toBe(1);
    const other = await bearer('first_responder', 'Another Police Force');
    await request(intake.getHttpServer()).get(`/v1/referrals/${id}/home-office-answers`).set('Authorization', other).expect(404);

    // The same answers as a page linked from the referral's, to copy from.
    const agent = await signIn(intake, 'safeguarding_lead');
    const referralPage = (await agent.get(`/referrals/${id}`).expect(200)).text;
    expect(referralPage).toContain(`/referrals/${id}/home-office-answers`);
    // The detailed types a caseworker asks about are on the referral's page, not only the statistics type.
    expect(referralPage).toMatch(
      /As the Home Office form asks\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Forced to work for nothing or almost nothing, Wages taken/,
    );
    const page = (await agent.get(`/referrals/${id}/home-office-answers`).expect(200)).text;
    expect(page).toContain('Answers for the Home Office form');
    expect(page).toMatch(/Select nationality<br><code class="govuk-body-s">pv-nationality<\/code><\/td>\s*<td class="govuk-table__cell">Icelandic<\/td>/);
    expect(page).toContain('Your phone number: the form requires it.');
    // Each answer in the form's words, ready to copy: a choice by its label, a ticked box, a date in words.
    const answerTo = (field: string): string | undefined =>
      new RegExp(`<code class="govuk-body-s">${field}</code></td>\\s*<td class="govuk-table__cell">([^<]*)</td>`).exec(page)?.[1];
    expect(answerTo('where-exploitation-happened')).toBe('Overseas');
    expect(answerTo('types-of-exploitation-forced-to-work')).toBe('Ticked');
    expect(answerTo('pv-dob')).toBe('5 April 1991');
    expect(answerTo('pv-want-to-submit-nrm')).toMatch(/^Yes - I have explained this/);
    // A page heading sits on its own line above its question (govuk-caption-s is no GOV.UK class).
    expect(page).not.toContain('govuk-caption-s');
    expect(page).toContain('<span class="govuk-caption-m govuk-!-margin-bottom-1">What is the name of the Potential Victim?</span>First name');
  });

  it('refuses a detailed type the form does not have, naming the field', async () => {
    const res = await post({ ...aReferral(), exploitation: { homeOfficeTypes: ['forced-to-dance'], location: 'uk' } }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('exploitation.homeOfficeTypes');
  });

  it('refuses a UK location given only overseas countries, and an overseas one given only UK towns', async () => {
    const uk = await post(aReferral({ exploitation: { types: ['labour'], location: 'uk', countries: ['FRA'] } })).expect(400);
    expect(uk.body.errors).toEqual([expect.objectContaining({ path: 'exploitation.countries' })]);
    const overseas = await post(aReferral({ exploitation: { types: ['labour'], location: 'overseas', ukTowns: ['Slough'] } })).expect(400);
    expect(overseas.body.errors).toEqual([expect.objectContaining({ path: 'exploitation.ukTowns' })]);
  });

  it('accepts AIS concerns with the nationalities "Icelandic" and "Kosovan" and links them like any other', async () => {
    const service = await bearer('service');
    const concern = (forename: string, nationality: string) => ({
      Source: 'Practitioner',
      Category: 'Modern Slavery',
      ReferralType: 'NRM',
      ConcernDate: '10/06/2026',
      Subject: { Forename: forename, Surname: 'Jonsdottir', DateOfBirth: '05/04/1991', Gender: 'F', Nationality: nationality },
      ReportedBy: { Organisation: 'Thames Valley Police', OrganisationType: 'Police' },
      RiskTypes: ['Labour Exploitation'],
      LocationOfRisk: 'UK',
    });
    const ids: string[] = [];
    for (const [forename, nationality] of [
      ['Helga', 'Icelandic'],
      ['Drita', 'Kosovan'],
    ]) {
      const created = await request(system.ais!.url).post('/api/v2/SafeguardingConcerns').set('Authorization', service).send(concern(forename, nationality));
      expect(created.status).toBe(201);
      const { ConcernId }: { ConcernId: string } = created.body;
      ids.push(ConcernId);
    }
    const linked = await eventually(
      async () => {
        const { rows } = await system.sql.query<{ record_id: string; nationality: string }>(
          `SELECT c.record_id, c.record->>'nationality' AS nationality FROM central.case_records c
           JOIN central.record_links l ON l.system = c.system AND l.record_id = c.record_id
          WHERE c.system = 'AIS' AND c.record_id = ANY($1)`,
          [ids],
        );
        return rows.length === 2 ? rows : undefined;
      },
      30000,
      200,
    );
    expect(linked.map((r) => r.nationality).sort()).toEqual(['ISL', 'XKX']);
  });
});

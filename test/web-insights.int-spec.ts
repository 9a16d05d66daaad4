import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './support/auth';
import { aReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { csrfOf, signIn } from './support/web';
import { ifStarted } from './support/teardown';
import { matchGroup } from './support/regex';

/** The dashboard's role rules over HTTP: what a board member may download is disclosure-controlled, always. */
describe('web pages (insights dashboard)', () => {
  let system: TestSystem;
  let intake: INestApplication<Server>;
  let insights: INestApplication<Server>;

  beforeAll(async () => {
    system = await startSystem({ intake: true, insights: true });
    intake = system.intake!;
    insights = system.insights!;
    const lead = await bearer('safeguarding_lead');
    for (let i = 0; i < 3; i++) {
      await request(intake.getHttpServer())
        .post('/v1/referrals')
        .set('Authorization', lead)
        .send(aReferral({ referredAt: '2026-05-04T10:00:00Z' }))
        .expect(201);
    }
  });

  afterAll(async () => {
    await ifStarted(system)?.close();
  });

  const csvCount = (csv: string, table: string) =>
    csv
      .split('\r\n')
      .find((line) => line.includes(`,referrals,${table},`))
      ?.split(',')
      .pop();

  it('gives a board member disclosure-controlled figures and a CSV with "c" for small counts', async () => {
    const agent = await signIn(insights, 'board_viewer');
    const page = await agent.get('/dashboard?period=2026-Q2').expect(200);
    expect(page.text).toContain('<strong>c</strong> marks a count of 1 to 5');
    const csv = await agent.get('/dashboard/download.csv?period=2026-Q2').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('statistics_2026-Q2_all_disclosure-controlled.csv');
    expect(csvCount(csv.text, 'Total')).toBe('c');
  });

  it("shows a board member whose sign-in names a board that board's population only", async () => {
    const agent = await signIn(insights, 'board_viewer', undefined, 'safeguarding_children_partnership');
    const page = await agent.get('/dashboard?period=2026-Q2').expect(200);
    expect(page.text).toMatch(/<option value="children" selected>/);
    expect(page.text).not.toContain('<option value="adults"');
    const csv = await agent.get('/dashboard/download.csv?period=2026-Q2').expect(200);
    expect(csv.headers['content-disposition']).toContain('statistics_2026-Q2_children_disclosure-controlled.csv');
    await agent.get('/dashboard?period=2026-Q2&population=adults').expect(403);
    await agent.get('/dashboard/download.csv?period=2026-Q2&population=all').expect(403);
    // Without a board a board member would read every board's figures: sign-in refuses them.
    const anonymous = request.agent(insights.getHttpServer());
    const form = await anonymous.get('/sign-in').expect(200);
    const refused = await anonymous
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(form.text), role: 'board_viewer' })
      .expect(400);
    expect(refused.text).toContain('Select a board from the list');
    // Beside the board, labelled for board viewers too; insights has no first responders to ask an organisation of.
    expect(refused.text).toMatch(/id="board-error"[^>]*>[\s\S]*?Select a board from the list/);
    expect(refused.text).toContain('Board (board viewers and board members)');
    expect(refused.text).not.toContain('id="role-error"');
    expect(refused.text).not.toContain('Enter the organisation of the first responder');
    expect(refused.text).not.toContain('id="organisation"');
  });

  it('refuses a board the service does not know at sign-in', async () => {
    const agent = request.agent(insights.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    expect(page.text).toContain('<option value="safeguarding_adults_board">Safeguarding Adults Board</option>');
    const refused = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'board_viewer', board: 'parish_council' })
      .expect(400);
    expect(refused.text).toContain('Select a board from the list');
  });

  it('answers a malformed board report id in a page address with Page not found', async () => {
    const agent = await signIn(insights, 'board_viewer');
    for (const address of ['/board-reports/not-a-uuid', '/board-reports/not-a-uuid/compare', '/board-reports/not-a-uuid/report.csv']) {
      const page = await agent.get(address).expect(404);
      expect(page.text).toContain('Page not found');
    }
  });

  it('refuses exact figures to a board member, on the page and the download', async () => {
    const agent = await signIn(insights, 'board_viewer');
    await agent.get('/dashboard?period=2026-Q2&figures=exact').expect(403);
    await agent.get('/dashboard/download.csv?period=2026-Q2&figures=exact').expect(403);
  });

  it('gives the safeguarding lead exact figures unless they ask for what a board sees', async () => {
    const agent = await signIn(insights, 'safeguarding_lead');
    expect(csvCount((await agent.get('/dashboard/download.csv?period=2026-Q2').expect(200)).text, 'Total')).toBe('3');
    expect(csvCount((await agent.get('/dashboard/download.csv?period=2026-Q2&figures=disclosure_controlled').expect(200)).text, 'Total')).toBe('c');
  });

  /** Each table's header cells against each row's cells: a header without its column misleads a screen reader. */
  function tableShapes(html: string): Array<{ id: string; header: number; rows: number[] }> {
    return [...html.matchAll(/<table class="govuk-table"(?: id="([^"]*)")?>([\s\S]*?)<\/table>/g)].map((table) => {
      // A table without an id has no id group.
      const id = matchGroup(table, 1);
      const body = table[2];
      const [head, rows] = body.split('<tbody');
      return {
        id: id ?? '(no id)',
        header: (head.match(/<th scope="col"/g) ?? []).length,
        rows: rows
          .split('<tr')
          .slice(1)
          .map((row) => (row.match(/<t[hd] /g) ?? []).length),
      };
    });
  }

  it('draws every dashboard table with as many headers as cells, county lines and transitions included', async () => {
    const lead = await signIn(insights, 'safeguarding_lead');
    const exact = (await lead.get('/dashboard?period=2026%2F27').expect(200)).text;
    const published = (await (await signIn(insights, 'board_viewer')).get('/dashboard?period=2026-Q2').expect(200)).text;
    for (const page of [exact, published]) {
      const shapes = tableShapes(page);
      expect(shapes.length).toBeGreaterThan(10);
      for (const shape of shapes) expect({ id: shape.id, rows: shape.rows.map(() => shape.header) }).toEqual({ id: shape.id, rows: shape.rows });
      expect(page).toContain('id="table-countyLines"');
    }
    // The quarters table has a "submitted" column in exact figures only.
    const submittedHeader = /<th scope="col"[^>]*>Submitted to the Home Office<\/th>/;
    expect(exact).toMatch(submittedHeader);
    expect(published).not.toMatch(submittedHeader);
    // Transitions: the lead sees the tables; a board's quarter says they are published for financial years.
    expect(exact).toContain('id="table-transitions-nrm-at-18"');
    expect(published).not.toContain('id="table-transitions-nrm-at-18"');
    expect(published).toContain('published for financial years only');
  });

  it('does not let a first responder sign in to the dashboard', async () => {
    const agent = request.agent(insights.getHttpServer());
    const page = await agent.get('/sign-in').expect(200);
    expect(page.text).not.toContain('value="first_responder"');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), role: 'first_responder', organisation: 'Thames Valley Police' })
      .expect(400);
  });

  it('answers a period outside the supported financial years with its error on the page', async () => {
    const agent = await signIn(insights, 'board_viewer');
    for (const period of ['1900-Q1', '9999-Q4']) {
      const bad = await agent.get(`/dashboard?period=${period}`).expect(400);
      expect(bad.text).toContain('There is a problem');
      expect(bad.text).toContain('The period in the address must be within the published figures, from April 1900 (1900/01)');
    }
  });

  it('answers a bad period with an error page, and keeps /v1/statistics bearer-only', async () => {
    const agent = await signIn(insights, 'safeguarding_lead');
    const bad = await agent.get('/dashboard?period=2026-Q9').expect(400);
    expect(bad.text).toContain('There is a problem');
    await agent.get('/v1/statistics?period=2026-Q2').expect(401);
  });
});

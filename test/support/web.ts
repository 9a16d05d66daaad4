import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';

/** A signed-in page visitor: supertest's agent keeps the session cookie as a browser would. */
export type PageAgent = ReturnType<typeof request.agent>;

/** The CSRF token a page's forms carry. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no form with a CSRF token');
  return match[1];
}

/** Signs in through the development sign-in page, as a person would. */
export async function signIn(app: INestApplication<Server>, role: string, organisation?: string, board?: string): Promise<PageAgent> {
  const agent = request.agent(app.getHttpServer());
  const page = await agent.get('/sign-in').expect(200);
  await agent
    .post('/sign-in')
    .type('form')
    .send({
      _csrf: csrfOf(page.text),
      role,
      ...(organisation ? { organisation } : {}),
      ...(board
        ? { board }
        : role === 'board_viewer'
          ? { board: 'community_safety_partnership' }
          : role === 'board_member'
            ? { board: 'safeguarding_adults_board' }
            : {}),
    })
    .expect(303);
  return agent;
}

/** A response's Set-Cookie header as one string (an array at run time, whatever its declared type). */
export function cookieHeader(res: { headers: Record<string, unknown> }): string {
  const value = res.headers['set-cookie'];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
}

/**
 * Answers the referral journey's first pages as a person would — the age page, the consent page (an adult's) and
 * the details — each with its page's CSRF token, and expects the details to lead to `then` ("Check your answers",
 * or the details page again when they are refused).
 */
export async function answerJourney(
  agent: PageAgent,
  age: Record<string, string>,
  consent: Record<string, string> | null,
  details: Record<string, string | string[]>,
  then = '/referrals/new/check',
): Promise<void> {
  const agePage = await agent.get('/referrals/new').expect(200);
  await agent
    .post('/referrals/new')
    .type('form')
    .send({ _csrf: csrfOf(agePage.text), ...age })
    .expect(303);
  if (consent) {
    const consentPage = await agent.get('/referrals/new/consent').expect(200);
    await agent
      .post('/referrals/new/consent')
      .type('form')
      .send({ _csrf: csrfOf(consentPage.text), ...consent })
      .expect(303);
  }
  const detailsPage = await agent.get('/referrals/new/details').expect(200);
  await agent
    .post('/referrals/new/details')
    .type('form')
    .send({ _csrf: csrfOf(detailsPage.text), ...details })
    .expect(303)
    .expect('Location', then);
}

/**
 * Posts a form the rules refuse, as a browser would: the POST is answered 303 to the form's page (post/redirect/get,
 * no #fragment), and that page's next GET shows the refusal, answered 400. Returns that page.
 */
export async function refusedPost(agent: PageAgent, action: string, form: Record<string, string | string[]>, page: string): Promise<request.Response> {
  await agent.post(action).type('form').send(form).expect(303).expect('Location', page);
  return agent.get(page).expect(400);
}

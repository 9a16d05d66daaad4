import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { validateEnvironment } from '@app/config';
import { JourneyAnswers } from './journey-answers';
import { RefusedForms } from './refused-forms';

describe(RefusedForms.name, () => {
  const refused = new RefusedForms(
    new JourneyAnswers(new ConfigService(validateEnvironment({ SESSION_SECRET: 'a-session-secret-of-enough-length-for-tests' })) as never),
  );
  const errors = { summary: [{ text: 'Enter why', href: '#reason' }], fields: { reason: 'Enter why' } };
  const request = (session: Record<string, unknown>, originalUrl: string) => ({ session, sessionID: 'session-1', originalUrl }) as unknown as Request;
  const response = () => {
    const redirects: unknown[][] = [];
    return { res: { redirect: (...args: unknown[]) => redirects.push(args) } as unknown as Response, redirects };
  };

  it('answers 303 to the page and gives the refusal, sealed, to its next GET only, once', () => {
    const session: Record<string, unknown> = {};
    const { res, redirects } = response();
    refused.redirect(request(session, '/persons/1/merge'), res, '/persons/1/merge/2', { name: 'merge', form: { _csrf: 't', reason: 'Dritan Hoxha' }, errors });
    expect(redirects).toEqual([[303, '/persons/1/merge/2']]);
    expect(JSON.stringify(session)).not.toContain('Dritan');
    expect(refused.take(request(session, '/persons/1/merge/2'))).toEqual({ name: 'merge', form: { reason: 'Dritan Hoxha' }, errors });
    expect(refused.take(request(session, '/persons/1/merge/2'))).toBeUndefined();
  });

  it('gives nothing to another page, and drops it there', () => {
    const session: Record<string, unknown> = {};
    refused.redirect(request(session, '/reviews/1/decision'), response().res, '/reviews?page=2', { name: 'decision', form: {}, errors });
    expect(refused.take(request(session, '/reviews'))).toBeUndefined();
    expect(refused.take(request(session, '/reviews?page=2'))).toBeUndefined();
  });
});

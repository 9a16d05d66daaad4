import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import { AppErrorFilter, unhandledErrorForLog } from './error.filter';
import { InvalidRequestError, NotFoundError } from './errors';

function host() {
  const response = {
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    headers: {} as Record<string, string>,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    set(name: string, value: string) {
      this.headers[name] = value;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const args = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ route: { path: '/v1/x' } }) }) } as unknown as ArgumentsHost;
  return { args, response };
}

describe(AppErrorFilter.name, () => {
  it('turns an unknown error into a 500 with an error id and nothing else', () => {
    const { args, response } = host();
    new AppErrorFilter().catch(new Error('duplicate key value violates unique constraint for Zinovia'), args);
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({ statusCode: 500, error: 'internal_error', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('answers 503 with Retry-After when the database is away or its pool is exhausted', () => {
    for (const error of [
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      const { args, response } = host();
      new AppErrorFilter().catch(error, args);
      expect(response.statusCode).toBe(503);
      expect(response.headers['Retry-After']).toBe('5');
      expect(response.body).toEqual({ statusCode: 503, error: 'unavailable', errorId: expect.any(String) });
    }
  });

  it('lists field violations as 400 errors', () => {
    const { args, response } = host();
    new AppErrorFilter().catch(new InvalidRequestError([{ path: 'kind', message: 'kind must be nrm or dtn' }]), args);
    expect(response).toMatchObject({ statusCode: 400, body: { statusCode: 400, errors: [{ path: 'kind', message: 'kind must be nrm or dtn' }] } });
  });

  it('maps domain errors and Nest HTTP errors to their status', () => {
    const a = host();
    new AppErrorFilter().catch(new NotFoundError('referral', 'abc'), a.args);
    expect(a.response).toMatchObject({ statusCode: 404, body: { error: 'not_found' } });
    const b = host();
    new AppErrorFilter().catch(new NotFoundException(), b.args);
    expect(b.response.statusCode).toBe(404);
  });
});

describe(unhandledErrorForLog.name, () => {
  it("keeps an error's type, code and stack frames for the log, never its message", () => {
    const error = Object.assign(new Error('value "Amina Yusuf" violates check constraint'), { code: '23514' });
    const logged = unhandledErrorForLog(error);
    expect(logged).toMatchObject({ type: 'Error', code: '23514' });
    expect(logged.stack).toContain('error.filter.spec');
    expect(JSON.stringify(logged)).not.toContain('Amina');
    expect(JSON.stringify(unhandledErrorForLog('Amina Yusuf'))).not.toContain('Amina');
  });
});

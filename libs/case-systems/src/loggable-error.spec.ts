import { CaseSystemRejectedError, CaseSystemUnavailableError, loggableError } from './case-system.errors';

describe('loggableError', () => {
  it("keeps a refusal's status and field names, never the vendor's words or the values they quote", () => {
    const error = new CaseSystemRejectedError('AIS', 'create concern', 400, 'Subject Arta Hoxha born 12/03/1994 already exists', [
      { field: 'Subject.DateOfBirth', message: '12/03/1994 is not valid' },
    ]);
    const logged = JSON.stringify(loggableError(error));
    expect(loggableError(error)).toEqual({
      type: 'CaseSystemRejectedError',
      system: 'AIS',
      operation: 'create concern',
      status: 400,
      fields: ['Subject.DateOfBirth'],
    });
    expect(logged).not.toMatch(/Arta|Hoxha|1994/);
  });

  it('keeps the cause and status of an outage, not its detail', () => {
    const error = new CaseSystemUnavailableError('LCS', 'read feed', 'server_error', 503, 'child Van Nguyen locked');
    expect(loggableError(error)).toEqual({ type: 'CaseSystemUnavailableError', system: 'LCS', operation: 'read feed', status: 503, cause: 'server_error' });
  });

  it('names only the kind and code of any other error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED for Arta'), { code: 'ECONNREFUSED' });
    expect(loggableError(error)).toEqual({ type: 'Error ECONNREFUSED' });
  });
});

import { requestLogLevel } from './logging';

describe(requestLogLevel.name, () => {
  it('logs a successful change-feed read at debug, whatever its query', () => {
    expect(requestLogLevel({ method: 'GET', url: '/api/v2/ChangeFeed?Since=12&Limit=200' }, { statusCode: 200 })).toBe('debug');
    expect(requestLogLevel({ method: 'GET', url: '/lcs/api/feed?after=x' }, { statusCode: 200 })).toBe('debug');
  });

  it('keeps every other request, and a failing poll, where they were', () => {
    expect(requestLogLevel({ method: 'GET', url: '/api/v2/ChangeFeed' }, { statusCode: 401 })).toBe('info');
    expect(requestLogLevel({ method: 'GET', url: '/api/v2/ChangeFeed' }, { statusCode: 503 })).toBe('error');
    expect(requestLogLevel({ method: 'POST', url: '/v1/referrals' }, { statusCode: 201 })).toBe('info');
  });
});

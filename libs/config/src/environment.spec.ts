import { validateEnvironment, validateServingEnvironment } from './environment';

describe(validateEnvironment.name, () => {
  it('fills defaults and converts numbers and booleans', () => {
    const env = validateEnvironment({ INTAKE_PORT: '3999', DATABASE_SSL: 'true' });
    expect(env.INTAKE_PORT).toBe(3999);
    expect(env.DATABASE_SSL).toBe(true);
    expect(env.AIS_PORT).toBe(3101);
  });

  it('refuses development sign-in in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE/);
    expect(() => validateEnvironment({ NODE_ENV: 'production', AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://idp.example/jwks' })).not.toThrow();
  });

  it('refuses a bad value, naming the setting', () => {
    expect(() => validateEnvironment({ MIMIC_FAILURE_RATE: '2' })).toThrow(/MIMIC_FAILURE_RATE/);
  });

  it('makes a serving app name its sign-in mode: development is never inferred from NODE_ENV unset', () => {
    expect(() => validateServingEnvironment({})).toThrow(/AUTH_MODE: must be set/);
    expect(() => validateServingEnvironment({ AUTH_MODE: '' })).toThrow(/AUTH_MODE: must be set/);
    expect(validateServingEnvironment({ AUTH_MODE: 'development' }).AUTH_MODE).toBe('development');
    expect(() => validateServingEnvironment({ NODE_ENV: 'production', AUTH_MODE: 'development' })).toThrow(/development sign-in refuses to start/);
  });

  it('takes TRUST_PROXY as addresses, subnets or named ranges, never every hop', () => {
    for (const ok of ['10.0.0.5', '10.0.0.0/8, loopback', '::1', 'fd00::/8,uniquelocal']) expect(validateEnvironment({ TRUST_PROXY: ok }).TRUST_PROXY).toBe(ok);
    expect(validateEnvironment({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    for (const bad of ['true', '*', '2', 'loopback,true', 'example.org']) expect(() => validateEnvironment({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});

import { validateEnvironment } from './environment';

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
});

// Two projects: fast unit specs beside the code, and integration tests in test/ that talk to a real
// PostgreSQL and Redis (see test/support/global-setup.ts).
const swc = ['@swc/jest', { swcrc: true }];
// NestJS 12 ships ES modules; Jest on Node 20 cannot require() them, so they are compiled to CommonJS too.
const esmPackages = ['@nestjs', 'jose', 'openid-client', 'oauth4webapi', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'load-esm'];
const esmTransform = {
  '^.+\\.ts$': swc,
  '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

module.exports = {
  // Integration tests wait on queues and workers; jest reads the timeout only at the top level.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts', '<rootDir>/bench'],
      testMatch: ['**/*.spec.ts'],
      transform: esmTransform,
      transformIgnorePatterns,
      moduleNameMapper,
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int-spec.ts'],
      transform: esmTransform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
    {
      // `npm run test:browser`: the pages in Debian's Chromium (playwright-core, no browser download), with the
      // apps in-process on free ports against real PostgreSQL and Redis. In band: one browser at a time.
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.browser-spec.ts'],
      transform: esmTransform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
    {
      // `npm run test:security`: attacks on the compiled apps running as child processes (as the fault tests run
      // them), asserting each refusal, audit row and header.
      displayName: 'security',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/security'],
      testMatch: ['**/*.security-spec.ts'],
      transform: esmTransform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
    {
      // `npm run test:faults`: the compiled apps as child processes (SIGKILL is real), each file with its own
      // database and Redis. Run in band: every file already runs five Node processes on a 2-core machine.
      displayName: 'faults',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.fault-spec.ts'],
      transform: esmTransform,
      transformIgnorePatterns,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
  ],
};

/**
 * Two projects in one run. api: the three tiers (unit specs beside the code, medium and e2e
 * specs under test/) and the browser tests of the web app (test/web/*.web-spec.ts), against real
 * PostgreSQL and Redis. web: the web app's component tests in jsdom.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const api = {
  displayName: 'api',
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '.*\\.(spec|medium-spec|e2e-spec|web-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // ESM-only dependencies that Node 20 loads with require(esm) but Jest cannot: compiled to CommonJS.
    '^.+/node_modules/(content-disposition)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  setupFiles: ['<rootDir>/libs/testing/src/test-env.ts'],
};

const web = {
  displayName: 'web',
  rootDir: '.',
  roots: ['<rootDir>/apps/web/src'],
  moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
  testRegex: '.*\\.test\\.tsx?$',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'apps/web/tsconfig.jest.json' }] },
  testEnvironment: '<rootDir>/apps/web/jest-environment.js',
  // @ant-design/icons' CommonJS build requires one ES module file of @ant-design/colors: its CommonJS twin.
  moduleNameMapper: { '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1' },
  setupFiles: ['<rootDir>/apps/web/src/test/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test/after-env.ts'],
};

// testTimeout and maxWorkers are global options: Jest ignores them inside a project. Jest's default
// of one worker fewer than the cores runs a 2-core machine in band, with the CPU idle while the
// end-to-end files wait on PostgreSQL, the worker and Chromium; one worker per core keeps both busy.
// The timeout only stops a hung test: with two workers on two busy cores, starting an app or
// signing a letter has taken over 30 s (the first file of a worker also compiles the code).
module.exports = { projects: [api, web], testTimeout: 90000, maxWorkers: '100%' };

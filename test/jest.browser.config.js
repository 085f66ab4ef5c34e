/**
 * Browser tests: the running service driven through Debian's Chromium (playwright-core).
 * Apart from which files it runs, the same set-up as test/jest.config.js.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  // One Chromium at a time next to the service and PostgreSQL on a two-core machine.
  maxWorkers: 1,
};

/**
 * Jest runs the fault tests under test/fault with this config, through scripts/test-faults.sh.
 * Each test file starts its own stack and syncs 10,000 matters while a server fails.
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/fault/**/*.test.ts'],
  // Bounds a hung test only. It lies above the 90 minutes a test waits for its sync run
  // (test/fault/support/sync-under-fault.ts), so that wait fails first, naming the run.
  testTimeout: 100 * 60_000,
};

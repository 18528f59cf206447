/** Jest runs the TypeScript tests under test/ with ts-jest against real local servers. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The fault tests form their own stage (jest.fault.config.js, npm run test:faults).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fault/'],
  // Workflow tests on the time-skipping server have stalled for about 90 s on a loaded 2-core machine.
  testTimeout: 300000,
};

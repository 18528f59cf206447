/** Jest runs the TypeScript tests under test/ with ts-jest against real local servers. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
};

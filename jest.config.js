/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^miniprogram-pay$': '<rootDir>/src/index.ts',
    '^miniprogram-pay/testing$': '<rootDir>/src/testing/index.ts',
  },
  collectCoverageFrom: ['src/**/*.ts'],
  testTimeout: 20000,
};

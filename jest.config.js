/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^miniprogram-pay$': '<rootDir>/src/index.ts',
    '^miniprogram-pay/messages$': '<rootDir>/src/messages/index.ts',
    '^miniprogram-pay/testing$': '<rootDir>/src/testing/index.ts',
    '^miniprogram-pay/server$': '<rootDir>/src/server/index.ts',
  },
  // Both cores: jest's default (cores - 1) runs the slow demo suite alone, one suite at a time.
  maxWorkers: 2,
  testTimeout: 20000,
  // Everything shipped, the testing kit included. `jest --coverage` (npm test) enforces the
  // thresholds on the whole of src/ and prints a per-file table.
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: {
    global: { lines: 95, branches: 90 },
  },
};

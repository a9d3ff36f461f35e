// Prints jest's totals as one plain line. A gate that failed outside jest (lint, types, build,
// size, package checks) counts as one failure, so a red run never reads as all passed.
import { existsSync, readFileSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
if (existsSync('.jest-results.json')) {
  const results = JSON.parse(readFileSync('.jest-results.json', 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);

// Runs npm scripts side by side and fails if any fails: `node scripts/run-parallel.mjs a b`.
// `npm test` uses it for the type checks and the build, which are independent and each keep
// one core busy.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const names = process.argv.slice(2);
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(npm, ['run', '--silent', name], {
          stdio: 'inherit',
          shell: process.platform === 'win32',
        });
        child.on('error', (error) => resolve({ name, code: 1, error }));
        child.on('close', (code) =>
          resolve({ name, code, seconds: (Date.now() - started) / 1000 }),
        );
      }),
  ),
);
for (const { name, code, seconds, error } of results) {
  console.log(
    `${name}: ${code === 0 ? 'ok' : `failed (${error?.message ?? `exit ${code}`})`}` +
      (seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`),
  );
}
process.exit(results.every(({ code }) => code === 0) ? 0 : 1);

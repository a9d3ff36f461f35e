// Runs before `npm start` and `npm test` (npm's prestart / pretest): on a fresh clone, where
// nothing is installed yet, it says so and runs `npm ci`, so that the README's two commands are
// the whole set-up. With the dependencies in place it does nothing. Node built-ins only: it has
// to run before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const wanted = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
const missing = wanted.filter(
  (name) => !existsSync(join(root, 'node_modules', name, 'package.json')),
);

if (missing.length > 0) {
  const shown =
    missing.slice(0, 3).join(', ') + (missing.length > 3 ? `, and ${missing.length - 3} more` : '');
  console.log(`Dependencies are not installed (missing: ${shown}); running npm ci first.`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0) {
    console.error(
      `npm ci failed (exit ${install.status ?? install.signal}); the command cannot go on without its dependencies.`,
    );
    process.exit(1);
  }
  console.log('Dependencies installed.\n');
}

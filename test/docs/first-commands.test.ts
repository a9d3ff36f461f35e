// "A newcomer's first two commands": `npm start` and `npm test` install what is missing first.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
let dir: string;

/** A project with one dev dependency, and an `npm` on PATH that records its arguments. */
function project(npmExit: number) {
  dir = mkdtempSync(join(tmpdir(), 'first-commands-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(
    join(root, 'scripts/ensure-dependencies.mjs'),
    join(dir, 'scripts/ensure-dependencies.mjs'),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ devDependencies: { 'left-pad': '1.0.0' } }),
  );
  const npm = join(dir, 'bin/npm');
  writeFileSync(
    npm,
    `#!/bin/sh\necho "$@" >> "${join(dir, 'npm-calls')}"\nmkdir -p node_modules/left-pad && echo '{}' > node_modules/left-pad/package.json\nexit ${npmExit}\n`,
  );
  chmodSync(npm, 0o755);
}

function run() {
  return spawnSync(process.execPath, ['scripts/ensure-dependencies.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
  });
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Commands: on a fresh clone, npm start and npm test install the dependencies first', () => {
  test('both commands run the check first', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(scripts.prestart).toBe('node scripts/ensure-dependencies.mjs');
    expect(scripts.pretest).toBe('node scripts/ensure-dependencies.mjs');
  });

  test('nothing installed: says so, runs npm ci, then goes on', () => {
    project(0);
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      'Dependencies are not installed (missing: left-pad); running npm ci first.',
    );
    expect(readFileSync(join(dir, 'npm-calls'), 'utf8')).toBe('ci --no-audit --no-fund\n');
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
    expect(readFileSync(join(dir, 'npm-calls'), 'utf8')).toBe('ci --no-audit --no-fund\n');
  });

  test('npm ci fails: the command stops with a sentence saying why', () => {
    project(3);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'npm ci failed (exit 3); the command cannot go on without its dependencies.',
    );
    expect(existsSync(join(dir, 'npm-calls'))).toBe(true);
  });
});

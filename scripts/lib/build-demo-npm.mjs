// Builds the demo's miniprogram_npm exactly as a user's project gets it: the library packed
// with `npm pack`, unpacked into demo-miniprogram/node_modules/miniprogram-pay, then
// miniprogram-ci's packNpmManually (the same build as DevTools' "Tools > Build npm").
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_DIR = join(ROOT, 'demo-miniprogram');
export const MINIPROGRAM_DIR = join(DEMO_DIR, 'miniprogram');
export const BUILT_PACKAGE_DIR = join(MINIPROGRAM_DIR, 'miniprogram_npm', 'miniprogram-pay');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, cwd) {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
}

/**
 * @param {{ build?: boolean, log?: (line: string) => void }} [options]
 *   build: run `npm run build` first (default true; false reuses dist/ and miniprogram_dist/).
 * @returns {Promise<{ tarball: string, packedFiles: string[], builtFiles: string[],
 *   miniProgramPackNum: number, otherNpmPackNum: number, warnings: unknown[] }>}
 */
export async function buildDemoNpm(options = {}) {
  const log = options.log ?? (() => {});
  if (options.build !== false) {
    log('npm run build (the library)');
    run(npm, ['run', 'build', '--silent'], ROOT);
  }
  if (!existsSync(join(ROOT, 'miniprogram_dist', 'index.js'))) {
    throw new Error('miniprogram_dist/index.js is missing: run `npm run build` first');
  }

  const work = mkdtempSync(join(tmpdir(), 'miniprogram-pay-pack-'));
  try {
    log('npm pack (exactly what `npm install miniprogram-pay` gets)');
    const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], ROOT));
    const tarball = join(work, packed.filename);
    run('tar', ['-xzf', tarball, '-C', work], ROOT);

    const target = join(DEMO_DIR, 'node_modules', 'miniprogram-pay');
    rmSync(target, { recursive: true, force: true });
    rmSync(join(DEMO_DIR, 'node_modules', '.package-lock.json'), { force: true });
    mkdirSync(dirname(target), { recursive: true });
    // A copy, not a rename: the temp folder may be on another file system.
    cpSync(join(work, 'package'), target, { recursive: true });

    log('miniprogram-ci packNpmManually (DevTools "Build npm")');
    rmSync(join(MINIPROGRAM_DIR, 'miniprogram_npm'), { recursive: true, force: true });
    const ci = createRequire(import.meta.url)('miniprogram-ci');
    const result = await ci.packNpmManually({
      packageJsonPath: join(DEMO_DIR, 'package.json'),
      miniprogramNpmDistDir: MINIPROGRAM_DIR,
    });
    if (!existsSync(join(BUILT_PACKAGE_DIR, 'index.js'))) {
      throw new Error(`packNpmManually did not produce ${BUILT_PACKAGE_DIR}/index.js`);
    }
    return {
      tarball: packed.filename,
      packedFiles: packed.files.map((file) => file.path),
      builtFiles: readdirSync(BUILT_PACKAGE_DIR),
      miniProgramPackNum: result.miniProgramPackNum,
      otherNpmPackNum: result.otherNpmPackNum,
      warnings: result.warnList,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Compiles the demo with DevTools' own compiler (miniprogram-ci `compile`), offline: it fails
 * on a page listed in app.json without its files, a bad JSON config or a JS syntax error.
 * @returns {Promise<string[]>} the compiled files
 */
export async function compileDemo() {
  const ci = createRequire(import.meta.url)('miniprogram-ci');
  const work = mkdtempSync(join(tmpdir(), 'miniprogram-pay-compile-'));
  try {
    // The Project wants an upload key; a local compile never uses it, any RSA key does.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPath = join(work, 'private.key');
    writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const project = new ci.Project({
      appid: 'wx8888888888888888',
      type: 'miniProgram',
      projectPath: DEMO_DIR,
      privateKeyPath,
      ignores: ['node_modules/**/*', 'merchant-server/**/*', '.data/**/*'],
    });
    // Given here instead of fetched from WeChat's servers.
    project.attr = async () => ({ ...ci.DefaultProjectAttr });
    return Object.keys(await ci.compile(project, {}));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `node scripts/lib/build-demo-npm.mjs [--json] [--if-missing] [--compile]`: used by the demo
// tests in a child process (jest does not load ES modules). --if-missing builds the library
// only when there is no build (npm test builds it before jest); --compile also runs
// compileDemo().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const build =
    !process.argv.includes('--if-missing') ||
    !existsSync(join(ROOT, 'miniprogram_dist', 'index.js'));
  const compile = process.argv.includes('--compile');
  buildDemoNpm({ build, log: json ? undefined : (line) => console.log(line) })
    .then(async (result) => ({
      ...result,
      compiledFiles: compile ? await compileDemo() : undefined,
    }))
    .then(
      (result) => {
        console.log(json ? JSON.stringify(result) : 'done');
        // miniprogram-ci leaves workers and timers behind: do not wait for them.
        process.exit(0);
      },
      (error) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
}

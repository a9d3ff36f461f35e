// The merchant server's command line: started alone against a simulator already running.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { KEY_ENVIRONMENT_VARIABLES } from '../../demo-miniprogram/merchant-server/src/keys/merchant-keys';
import type { Simulator } from '../../simulator/src/server';
import { call, startTestSimulator, TEST_KEYS } from './helpers/servers';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'demo-miniprogram', 'merchant-server', 'src', 'main.ts');

let simulator: Simulator;
const children: ChildProcess[] = [];

beforeAll(async () => {
  simulator = await startTestSimulator();
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }
  await simulator.close();
});

/** The CLI as a child process (its own process group: tsx runs it in a grandchild). */
function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string } {
  const { REDIS_URL: _theirs, SIMULATOR_URL: _also, ...inherited } = process.env;
  const keys = Object.fromEntries(
    Object.entries(KEY_ENVIRONMENT_VARIABLES).map(([name, variable]) => [
      variable,
      TEST_KEYS[name as keyof typeof TEST_KEYS].replace(/\n/g, '\\n'),
    ]),
  );
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [MAIN, ...args], {
    env: { ...inherited, PORT: '0', ...keys, ...env },
    cwd: ROOT,
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function until(check: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', resolve);
  });

it('prints its own listening line, serves, registered at the simulator; SIGTERM stops it', async () => {
  const { child, output } = start(['--simulator', simulator.url, '--notify-signing', 'public-key']);
  const banner =
    /^merchant server listening on (http:\/\/127\.0\.0\.1:\d+) \(in memory; WeChat Pay at (\S+)\)$/m;
  await until(() => banner.test(output()), output);
  const [, url = '', at] = banner.exec(output()) ?? [];
  expect(at).toBe(simulator.url);
  expect((await call({ url }, 'GET', '/health')).body).toEqual({ ok: true });
  const merchants = (await call(simulator, 'GET', '/sim/merchants')).body.merchants;
  expect(merchants).toContainEqual(
    expect.objectContaining({ mchid: '1230000109', signing: 'public-key' }),
  );
  child.kill('SIGTERM');
  expect(await exited(child)).toBe(0);
});

it('takes the simulator from SIMULATOR_URL', async () => {
  const { child, output } = start([], { SIMULATOR_URL: simulator.url });
  await until(() => output().includes('listening on http://127.0.0.1:'), output);
  child.kill('SIGTERM');
  expect(await exited(child)).toBe(0);
});

it.each([
  [
    [],
    {},
    'options.simulatorUrl (--simulator or SIMULATOR_URL) must be the http(s) URL of a WeChat Pay simulator; got undefined.',
  ],
  [
    ['--simulator', 'http://127.0.0.1:1'],
    {},
    'cannot reach the WeChat Pay simulator at http://127.0.0.1:1',
  ],
  [
    ['--notify-signing', 'nope'],
    {},
    'options.notifySigning (--notify-signing) must be one of certificate, public-key, migration; got "nope".',
  ],
  [
    ['--active-query-after-ms=soon'],
    {},
    'options.activeQueryAfterMs (--active-query-after-ms) must be an integer from -1 to 2147483647; got "soon".',
  ],
  [
    [],
    { REDIS_URL: 'http://cache' },
    'options.redisUrl (--redis or REDIS_URL) must be a redis://host:port',
  ],
  [
    ['--simulator', 'http://127.0.0.1:1', '--data-dir', '/tmp/x', '--redis', 'redis://127.0.0.1:1'],
    {},
    'options.dataDir (--data-dir) cannot go with options.redisUrl (--redis or REDIS_URL)',
  ],
] as const)('%j %j: exits 1 saying what is wrong', async (args, env, message) => {
  const { child, output } = start([...args], env);
  expect(await exited(child)).toBe(1);
  expect(output()).toContain(`[merchant-server] ${message}`);
});

it('--help prints the options', async () => {
  const { child, output } = start(['--help']);
  expect(await exited(child)).toBe(0);
  for (const option of [
    '--simulator',
    '--memory',
    '--data-dir',
    '--redis',
    '--active-query-after-ms',
    '--notify-signing',
  ]) {
    expect(output()).toContain(option);
  }
});

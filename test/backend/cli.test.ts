// `npm run backend` as a process: its listening line, its keys from the environment.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { KEY_ENVIRONMENT_VARIABLES } from '../../demo-miniprogram/merchant-server/src/keys/merchant-keys';
import { call, TEST_KEYS, TEST_PLATFORM_KEYS } from '../merchant-server/helpers/servers';

const ROOT = path.resolve(__dirname, '..', '..');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
});

function start(args: string[], env: NodeJS.ProcessEnv = {}): () => string {
  const { REDIS_URL: _theirs, ...inherited } = process.env;
  const pem = (text: string) => text.replace(/\n/g, '\\n');
  const keys = Object.fromEntries(
    Object.entries(KEY_ENVIRONMENT_VARIABLES).map(([name, variable]) => [
      variable,
      pem(TEST_KEYS[name as keyof typeof TEST_KEYS]),
    ]),
  );
  child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/backend.ts', ...args], {
    cwd: ROOT,
    detached: true,
    env: {
      ...inherited,
      PORT: '0',
      ...keys,
      MOCK_BACKEND_PLATFORM_PRIVATE_KEY: pem(TEST_PLATFORM_KEYS.certificatePrivateKey),
      MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY: pem(TEST_PLATFORM_KEYS.publicKeyPrivateKey),
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return () => output;
}

const exited = (process: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (process.exitCode !== null) resolve(process.exitCode);
    else process.once('exit', resolve);
  });

it('prints `listening on http://127.0.0.1:<port>`; both answer there; SIGTERM stops it', async () => {
  const output = start(['--notify-signing', 'migration']);
  const listening = /^listening on (http:\/\/127\.0\.0\.1:\d+) /m;
  const deadline = Date.now() + 15_000;
  // The dashboard's line is written after the listening line and may arrive apart from it.
  while (!listening.test(output()) || !output().includes('dashboard: ')) {
    if (Date.now() > deadline || child?.exitCode !== null) throw new Error(output());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = listening.exec(output())?.[1] ?? '';
  expect(output()).toContain(`dashboard: ${url}/`);
  expect((await call({ url }, 'GET', '/health')).body).toEqual({ ok: true });
  const { merchants } = (await call({ url }, 'GET', '/sim/merchants')).body;
  expect(merchants).toEqual([expect.objectContaining({ signing: 'migration' })]);
  const config = (await call({ url }, 'GET', '/sim/config')).body;
  expect(config.wechatpayPublicKeyId).toMatch(/^PUB_KEY_ID_/);
  child?.kill('SIGTERM');
  expect(await exited(child as ChildProcess)).toBe(0);
});

it('refuses one platform key without the other, saying so', async () => {
  const output = start([], { MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY: '' });
  expect(await exited(child as ChildProcess)).toBe(1);
  expect(output()).toContain(
    '[backend] give both MOCK_BACKEND_PLATFORM_PRIVATE_KEY and MOCK_BACKEND_WECHATPAY_PUBLIC_KEY_PRIVATE_KEY, or neither',
  );
});

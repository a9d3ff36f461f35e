import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseCliOptions } from '../../demo-miniprogram/mock-backend/src/config/cli-options';
import { KEY_ENVIRONMENT_VARIABLES } from '../../demo-miniprogram/mock-backend/src/keys/key-material';
import { testKeys } from './helpers/test-keys';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'demo-miniprogram', 'mock-backend', 'src', 'main.ts');

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

describe('npm run backend (src/main.ts)', () => {
  it('starts with PORT=0 --memory and keys from the environment, serves, and stops on SIGTERM', async () => {
    const keys = await testKeys();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
    for (const [name, variable] of Object.entries(KEY_ENVIRONMENT_VARIABLES)) {
      env[variable] = keys[name as keyof typeof keys].replace(/\n/g, '\\n');
    }
    const child = spawn(TSX, [MAIN, '--memory', '--active-query-after-ms=-1'], { env, cwd: ROOT });
    try {
      const url = await waitForListening(child);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
      const config = await (await fetch(`${url}/sim/config`)).json();
      expect(config.activeQueryAfterMs).toBe(-1);
      const key = await (await fetch(`${url}/sim/merchant-key`)).text();
      expect(key).toContain('BEGIN PUBLIC KEY');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('command line options', () => {
  it('reads PORT, --memory, --data-dir, --active-query-after-ms, --notify-retry-factor, --notify-signing, --log', () => {
    const command = parseCliOptions(
      [
        '--memory',
        '--data-dir',
        '/tmp/x',
        '--active-query-after-ms=-1',
        '--notify-retry-factor',
        '10',
        '--notify-signing',
        'migration',
        '--log',
      ],
      { PORT: '4000', MOCK_BACKEND_APIV3_KEY: 'k'.repeat(32) },
    );
    expect(command).toEqual({
      help: false,
      options: {
        port: 4000,
        memory: true,
        dataDir: '/tmp/x',
        activeQueryAfterMs: -1,
        notifyRetryFactor: 10,
        notifySigning: 'migration',
        logger: true,
        keys: { apiV3Key: 'k'.repeat(32) },
      },
    });
  });

  it('defaults to port 3000 and the data directory', () => {
    expect(parseCliOptions([], {})).toEqual({
      help: false,
      options: { port: 3000, memory: false, logger: false, keys: {} },
    });
    expect(parseCliOptions(['-h'], {})).toEqual({ help: true });
  });

  it('refuses bad values naming them', () => {
    expect(() => parseCliOptions(['--active-query-after-ms=soon'], {})).toThrow(
      '--active-query-after-ms must be an integer, got soon',
    );
    expect(() => parseCliOptions([], { PORT: 'eighty' })).toThrow('PORT must be an integer');
    expect(() => parseCliOptions(['--notify-retry-factor', '0'], {})).toThrow(
      '--notify-retry-factor',
    );
    expect(() => parseCliOptions(['--notify-signing', 'sm2'], {})).toThrow(
      '--notify-signing must be one of certificate, public-key, migration, got sm2',
    );
    expect(() => parseCliOptions(['--unknown'], {})).toThrow();
  });
});

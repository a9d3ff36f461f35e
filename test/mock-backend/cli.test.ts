import { parseCliOptions } from '../../demo-miniprogram/mock-backend/src/config/cli-options';
import { killBackend, spawnBackend, stopBackend, waitForListening } from './helpers/cli-process';

describe('npm run backend (src/main.ts)', () => {
  it('starts with PORT=0 --memory and keys from the environment, serves, and stops on SIGTERM', async () => {
    const child = await spawnBackend(['--memory', '--active-query-after-ms=-1']);
    try {
      const { url, banner } = await waitForListening(child);
      expect(banner).toBe(`mock backend listening on ${url} (in memory)`);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
      const config = await (await fetch(`${url}/sim/config`)).json();
      expect(config.activeQueryAfterMs).toBe(-1);
      const key = await (await fetch(`${url}/sim/merchant-key`)).text();
      expect(key).toContain('BEGIN PUBLIC KEY');
      expect(await stopBackend(child)).toBe(0);
    } finally {
      killBackend(child);
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

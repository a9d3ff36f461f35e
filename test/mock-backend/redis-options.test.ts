// The redisUrl option, --redis and REDIS_URL: what is taken, what is refused and how it says so.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliOptions } from '../../demo-miniprogram/mock-backend/src/config/cli-options';
import { resolveConfig } from '../../demo-miniprogram/mock-backend/src/config/options';
import { startTestBackend } from './helpers/backend';

const EXPECTED =
  'must be a redis://host:port, rediss://host:port or unix:///path/to/redis.sock URL';

describe('options.redisUrl', () => {
  it('takes redis://, rediss:// and unix:// URLs; a password is never shown', () => {
    expect(resolveConfig({ redisUrl: 'redis://user:secret@cache:6380/2' }).redis).toEqual({
      target: { url: 'redis://user:secret@cache:6380/2' },
      shown: 'redis://user:***@cache:6380/2',
    });
    expect(resolveConfig({ redisUrl: 'rediss://cache' }).redis?.target).toEqual({
      url: 'rediss://cache',
    });
    expect(resolveConfig({ redisUrl: 'unix:///run/redis/redis.sock' }).redis).toEqual({
      target: { socket: { path: '/run/redis/redis.sock', tls: false } },
      shown: 'unix:///run/redis/redis.sock',
    });
    expect(resolveConfig({}).redis).toBeUndefined();
  });

  it.each([
    ['a number', 6379, 'got 6379'],
    ['an empty string', '', 'got ""'],
    ['not a URL', 'localhost:6379', '(protocol localhost:)'],
    ['another protocol', 'http://cache:6379', '(protocol http:)'],
    ['no host', 'redis://', '(no host)'],
    [
      'a relative socket',
      'unix://run/redis.sock',
      '(a unix socket URL is unix:// and an absolute path)',
    ],
  ])('refuses %s, naming the option', (_name, redisUrl, detail) => {
    const resolve = () => resolveConfig({ redisUrl: redisUrl as string });
    expect(resolve).toThrow(TypeError);
    expect(resolve).toThrow(`[mock-backend] options.redisUrl ${EXPECTED}, `);
    expect(resolve).toThrow(detail);
  });

  it('refuses it in memory: the instances share their orders through the data directory', () => {
    expect(() => resolveConfig({ memory: true, redisUrl: 'redis://cache' })).toThrow(
      'options.redisUrl needs a data directory shared by the instances, not memory: true',
    );
  });

  it('a Redis that cannot be reached fails the start with a clear error', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mock-backend-redis-'));
    try {
      const socket = path.join(dataDir, 'no-redis.sock');
      await expect(
        startTestBackend({ memory: false, dataDir, redisUrl: `unix://${socket}` }),
      ).rejects.toThrow(`[mock-backend] cannot connect to Redis at unix://${socket}: `);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('--redis and REDIS_URL', () => {
  it('read the URL; the flag wins over the environment', () => {
    const options = (argv: string[], env: NodeJS.ProcessEnv) => {
      const command = parseCliOptions(argv, env);
      return command.help ? undefined : command.options.redisUrl;
    };
    expect(options(['--redis', 'redis://cache:6379'], {})).toBe('redis://cache:6379');
    expect(options([], { REDIS_URL: 'unix:///tmp/redis.sock' })).toBe('unix:///tmp/redis.sock');
    expect(options(['--redis=redis://a'], { REDIS_URL: 'redis://b' })).toBe('redis://a');
    expect(options([], { REDIS_URL: '' })).toBeUndefined();
  });

  it('refuse a bad URL naming where it came from', () => {
    expect(() => parseCliOptions(['--redis', 'cache:6379'], {})).toThrow(`--redis ${EXPECTED}`);
    expect(() => parseCliOptions([], { REDIS_URL: 'http://cache' })).toThrow(
      `REDIS_URL ${EXPECTED}, got "http://cache" (protocol http:)`,
    );
  });
});

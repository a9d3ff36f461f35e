/** Where a Redis client connects: a `redis://` / `rediss://` URL, or a unix socket's path. */
export type RedisTarget =
  | { readonly url: string }
  | { readonly socket: { readonly path: string; readonly tls: false } };

/**
 * Reads a Redis URL: `redis://[user:password@]host[:port][/db]`, `rediss://…` (TLS), or
 * `unix:///absolute/path/redis.sock`. Answers a sentence saying what is wrong with anything
 * else, naming it as `name` (`options.redisUrl`, `--redis`, `REDIS_URL`).
 */
export function parseRedisUrl(name: string, value: unknown): RedisTarget | string {
  const expected = `${name} must be a redis://host:port, rediss://host:port or unix:///path/to/redis.sock URL`;
  if (typeof value !== 'string' || value === '') return `${expected}, got ${JSON.stringify(value)}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${expected}, got ${JSON.stringify(value)} (not a URL)`;
  }
  if (url.protocol === 'redis:' || url.protocol === 'rediss:') {
    if (url.hostname === '') return `${expected}, got ${JSON.stringify(value)} (no host)`;
    return { url: value };
  }
  if (url.protocol === 'unix:') {
    if (url.host !== '' || url.pathname.length < 2) {
      return `${expected}, got ${JSON.stringify(value)} (a unix socket URL is unix:// and an absolute path)`;
    }
    return { socket: { path: decodeURIComponent(url.pathname), tls: false } };
  }
  return `${expected}, got ${JSON.stringify(value)} (protocol ${url.protocol})`;
}

/** The URL as it may be shown in a message: a password is replaced by `***`. */
export function redactRedisUrl(value: string): string {
  return value.replace(/^(rediss?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

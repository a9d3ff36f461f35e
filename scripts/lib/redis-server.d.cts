/** A redis-server of a test's own, on a unix socket in a temp directory. */
export interface TestRedis {
  /** The socket's path, for `createClient({ socket: { path, tls: false } })`. */
  readonly path: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Starts `redis-server` (no TCP port, no persistence) and waits until its socket exists. */
export function startRedis(): Promise<TestRedis>;

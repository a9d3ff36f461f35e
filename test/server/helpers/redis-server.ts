import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A redis-server of a test's own, on a unix socket in a temp directory. */
export interface TestRedis {
  /** The socket's path, for `createClient({ socket: { path } })`. */
  readonly path: string;
  stop(): Promise<void>;
}

/** Starts `redis-server` (no persistence, no TCP port) and waits until its socket exists. */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'miniprogram-pay-redis-'));
  const socket = join(dir, 'redis.sock');
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--unixsocket',
      socket,
      '--unixsocketperm',
      '700',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  let failed = false;
  child.once('error', (error) => {
    failed = true;
    stderr += error.message;
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const started = Date.now();
  while (!existsSync(socket)) {
    if (failed || child.exitCode !== null || Date.now() - started > 10_000) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start (is it installed?): ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    path: socket,
    async stop() {
      if (child.exitCode === null && !failed) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

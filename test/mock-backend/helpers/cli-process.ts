import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { KEY_ENVIRONMENT_VARIABLES } from '../../../demo-miniprogram/mock-backend/src/keys/key-material';
import { testKeys } from './test-keys';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'demo-miniprogram', 'mock-backend', 'src', 'main.ts');

/** `npm run backend -- <args>` as a child process, the test keys in its environment. */
export async function spawnBackend(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const keys = await testKeys();
  // The caller's REDIS_URL, if any, must not reach a backend that was not given one.
  const { REDIS_URL: _theirs, ...inherited } = process.env;
  const full: NodeJS.ProcessEnv = { ...inherited, PORT: '0', ...env };
  for (const [name, variable] of Object.entries(KEY_ENVIRONMENT_VARIABLES)) {
    full[variable] = keys[name as keyof typeof keys].replace(/\n/g, '\\n');
  }
  // Its own process group: tsx runs the backend in a child of its own, and killBackend must
  // reach both (a grandchild left behind keeps jest's pipes open).
  return spawn(TSX, [MAIN, ...args], { env: full, cwd: ROOT, detached: true });
}

/** The URL the backend prints once it listens, and that line; rejects with its output if it exits first. */
export function waitForListening(child: ChildProcess): Promise<{ url: string; banner: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const banner = /^mock backend listening on (http:\/\/127\.0\.0\.1:\d+).*$/m.exec(output);
      if (banner?.[1]) resolve({ url: banner[1], banner: banner[0] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

/** SIGTERM, then the exit code. */
export async function stopBackend(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** Kills the backend and the processes it started, if it is still running. */
export function killBackend(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

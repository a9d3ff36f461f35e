import { promises as fs } from 'node:fs';

/** How long a live holder may keep the lock before waiting gives up. */
const LOCK_TIMEOUT_MS = 10_000;
const RETRY_MS = 5;

/** Whether process `pid` runs on this machine (a process of another user counts). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file, undefined while its holder has not written it yet. */
async function holderOf(lockPath: string): Promise<number | undefined> {
  const text = await fs.readFile(lockPath, 'utf8').catch(() => '');
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/**
 * Runs `work` while holding `lockPath`, a file created exclusively that holds this process's
 * pid, so that instances sharing a data directory write one at a time. A lock whose process
 * is gone (killed mid-write) is taken over; a live holder is waited for, up to 10 s.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await holderOf(lockPath);
    if (holder !== undefined && !isProcessAlive(holder)) {
      await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() - started > LOCK_TIMEOUT_MS) {
      throw new Error(
        `[mock-backend] ${lockPath} has been held by process ${holder ?? '(unknown)'} for over ${LOCK_TIMEOUT_MS / 1000} s; remove it if no mock backend uses this data directory`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { removeLeftoverTempFiles, writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';
import { type BackendState, deserializeState, emptyState, serializeState } from './state';
import { StateSync } from './state-sync';

/** Holds the live state; `commit()` makes the current state durable. */
export interface StateStore {
  readonly state: BackendState;
  /** False for the in-memory store. */
  readonly durable: boolean;
  /** Resolves once a snapshot taken after this call is safely on disk. */
  commit(): Promise<void>;
  /**
   * Takes in what other instances sharing the data directory wrote since this one last read
   * the file (a stat when nothing changed). The state stays the same objects, updated in place.
   */
  refresh(): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

const STATE_FILE = 'state.json';

export function createMemoryStore(): StateStore {
  return {
    state: emptyState(),
    durable: false,
    commit: () => Promise.resolve(),
    refresh: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/** Which version of the file was last read or written: inode, size and mtime. */
function stampOf(stat: { ino: bigint; size: bigint; mtimeNs: bigint }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/**
 * A store in `<dataDir>/state.json`, which several instances may share. Each commit takes the
 * directory's lock, merges what the others wrote (record by record, see StateSync), and rewrites
 * the file atomically (temp file, fsync, rename); commits made while a write is running share
 * the next write. Refreshes and writes of this instance run one at a time.
 */
export async function openFileStore(dataDir: string): Promise<StateStore> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await removeLeftoverTempFiles(dataDir);
  const filePath = path.join(dataDir, STATE_FILE);
  const lockPath = `${filePath}.lock`;
  const state = emptyState();
  const sync = new StateSync();
  let stamp = '';

  /** Reads the file if it changed since `stamp`, and merges it. */
  const readChanges = async (): Promise<void> => {
    const stat = await fs.stat(filePath, { bigint: true }).catch(() => undefined);
    if (!stat || stampOf(stat) === stamp) return;
    const handle = await fs.open(filePath, 'r');
    try {
      const opened = stampOf(await handle.stat({ bigint: true }));
      sync.mergeFrom(state, parseState(await handle.readFile('utf8'), filePath));
      stamp = opened;
    } finally {
      await handle.close();
    }
  };

  let tail: Promise<void> = Promise.resolve();
  const inTurn = (job: () => Promise<void>): Promise<void> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };

  let nextWrite: Promise<void> | undefined;
  const commit = (): Promise<void> => {
    nextWrite ??= inTurn(async () => {
      nextWrite = undefined;
      await withFileLock(lockPath, async () => {
        await readChanges();
        await writeFileAtomic(filePath, serializeState(state));
        sync.markSynced(state);
        stamp = stampOf(await fs.stat(filePath, { bigint: true }));
      });
    });
    return nextWrite;
  };

  let nextRefresh: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    nextRefresh ??= inTurn(async () => {
      nextRefresh = undefined;
      await readChanges();
    });
    return nextRefresh;
  };

  await refresh();
  return { state, durable: true, commit, refresh, close: () => tail };
}

function parseState(text: string, filePath: string): BackendState {
  try {
    return deserializeState(text);
  } catch (error) {
    throw new Error(
      `[mock-backend] cannot read ${filePath} (${(error as Error).message}); move it away to start fresh`,
    );
  }
}

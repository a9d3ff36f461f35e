import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readFileIfExists, removeLeftoverTempFiles, writeFileAtomic } from './atomic-file';
import { type BackendState, deserializeState, emptyState, serializeState } from './state';

/** Holds the live state; `commit()` makes the current state durable. */
export interface StateStore {
  readonly state: BackendState;
  /** False for the in-memory store. */
  readonly durable: boolean;
  /** Resolves once a snapshot taken after this call is safely on disk. */
  commit(): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

const STATE_FILE = 'state.json';

export function createMemoryStore(): StateStore {
  return {
    state: emptyState(),
    durable: false,
    commit: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * A store in `<dataDir>/state.json`. Each commit rewrites the file atomically (temp file, fsync,
 * rename); commits made while a write is running share the next write.
 */
export async function openFileStore(dataDir: string): Promise<StateStore> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await removeLeftoverTempFiles(dataDir);
  const filePath = path.join(dataDir, STATE_FILE);
  const state = await loadState(filePath);

  let lastWrite: Promise<void> = Promise.resolve();
  let nextWrite: Promise<void> | undefined;

  const commit = (): Promise<void> => {
    if (!nextWrite) {
      const write = lastWrite.then(() => {
        nextWrite = undefined;
        return writeFileAtomic(filePath, serializeState(state));
      });
      nextWrite = write;
      lastWrite = write.catch(() => undefined);
    }
    return nextWrite;
  };

  return {
    state,
    durable: true,
    commit,
    close: () => lastWrite,
  };
}

async function loadState(filePath: string): Promise<BackendState> {
  const text = await readFileIfExists(filePath);
  if (text === undefined) return emptyState();
  try {
    return deserializeState(text);
  } catch (error) {
    throw new Error(
      `[mock-backend] cannot read ${filePath} (${(error as Error).message}); move it away to start fresh`,
    );
  }
}

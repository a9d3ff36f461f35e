import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomic-file';
import { SimulatorState } from './state';

/** Holds the state; `save()` makes the current state durable (at once in memory). */
export interface Store {
  readonly state: SimulatorState;
  /** Where the snapshot is written; undefined in memory. */
  readonly file: string | undefined;
  /** Resolves once a snapshot taken after this call is on disk. */
  save(): Promise<void>;
  /** Waits for the last write. */
  close(): Promise<void>;
}

/** The snapshot's name in the data directory. */
export const SNAPSHOT_FILE = 'simulator.json';

export function createMemoryStore(): Store {
  return {
    state: new SimulatorState(),
    file: undefined,
    save: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * A store whose state is read from `<dataDir>/simulator.json` at start and written back
 * atomically after each change. Saves asked while a write runs share the next write.
 */
export async function openFileStore(dataDir: string): Promise<Store> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SNAPSHOT_FILE);
  const text = await readFileIfExists(file);
  const state =
    text === undefined ? new SimulatorState() : SimulatorState.fromSnapshotText(text, file);
  let writing: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;
  const save = (): Promise<void> => {
    next ??= writing.then(() => {
      next = undefined;
      return writeFileAtomic(file, `${JSON.stringify(state.toSnapshot())}\n`);
    });
    writing = next.catch(() => undefined);
    return next;
  };
  return { state, file, save, close: () => writing };
}

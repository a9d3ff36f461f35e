import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createMemoryEvents } from '../kit';
import type { Records } from './store';

/**
 * One instance's records: a map in memory and, with `dataDir`, its JSON file
 * (`merchant-server.json`), read at start and rewritten after every change (a temporary file
 * renamed over it: a crash leaves the old file or the new one).
 */
export async function openFileRecords(dataDir: string | undefined): Promise<Records> {
  const file = dataDir && path.join(dataDir, 'merchant-server.json');
  const records = new Map<string, string>(file ? Object.entries(await readRecords(file)) : []);
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    if (!file) return Promise.resolve();
    const text = JSON.stringify(Object.fromEntries(records), null, 1);
    const written = writing.then(async () => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    });
    writing = written.catch(() => undefined);
    return written;
  };
  return {
    get: async (key) => records.get(key),
    async set(key, value) {
      records.set(key, value);
      await save();
    },
    async add(key, value) {
      if (records.has(key)) return;
      records.set(key, value);
      await save();
    },
    async replace(key, expected, value) {
      if (records.get(key) !== expected) return false;
      records.set(key, value);
      await save();
      return true;
    },
    events: createMemoryEvents(),
    close: () => writing,
  };
}

async function readRecords(file: string): Promise<Record<string, string>> {
  await mkdir(path.dirname(file), { recursive: true });
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`[merchant-server] ${file} is not JSON; remove it to start afresh`);
  }
}

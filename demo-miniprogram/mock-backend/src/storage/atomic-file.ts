import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isProcessAlive } from './file-lock';

const TEMP_SUFFIX = '.tmp';

/**
 * Replaces a file so that a kill at any moment leaves either the old or the new content:
 * write a temp file, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(filePath: string, data: string, mode = 0o600): Promise<void> {
  const tempPath = `${filePath}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  const handle = await fs.open(tempPath, 'w', mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(filePath));
}

/** Reads a UTF-8 file, or undefined when it does not exist. */
export async function readFileIfExists(filePath: string): Promise<string | undefined> {
  try {
    return await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pid in a temp file's name (`<file>.<pid>.<8 hex>.tmp`), if it has one. */
const TEMP_WRITER = /\.([0-9]+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temp files a killed process left behind; those of a live process (another instance
 * sharing the directory, in the middle of a write) are left alone.
 */
export async function removeLeftoverTempFiles(directory: string): Promise<void> {
  const names = await fs.readdir(directory);
  const leftOver = (name: string): boolean => {
    if (!name.endsWith(TEMP_SUFFIX)) return false;
    const writer = TEMP_WRITER.exec(name)?.[1];
    return writer === undefined || !isProcessAlive(Number(writer));
  };
  await Promise.all(
    names.filter(leftOver).map((name) => fs.rm(path.join(directory, name), { force: true })),
  );
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The page's files: plain HTML, CSS and ES modules, served as they are (no build step). */
export const DASHBOARD_DIR = path.resolve(__dirname, '..', '..', 'dashboard');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
};

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

/**
 * Every file of the dashboard's folder, read once at start: a request can only name one of
 * them (no path is ever built from a request).
 */
export async function loadAssets(directory = DASHBOARD_DIR): Promise<ReadonlyMap<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const name of await fs.readdir(directory)) {
    const type = TYPES[path.extname(name)];
    if (type) assets.set(name, { type, body: await fs.readFile(path.join(directory, name)) });
  }
  return assets;
}

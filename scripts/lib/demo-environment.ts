import * as fs from 'node:fs';
import * as path from 'node:path';

/** The demo mini program's root (app.json, pages/, miniprogram_npm/). */
export const MINIPROGRAM_DIR = path.resolve(
  __dirname,
  '..',
  '..',
  'demo-miniprogram',
  'miniprogram',
);

type Global = Record<string, unknown>;

/**
 * Gives plain Node the DOM that miniprogram-simulate renders into (jest's jsdom environment
 * gives its own; fastify does not run there, so the demo tests use this one under `node`).
 */
export function installDom(): void {
  const g = globalThis as unknown as Global;
  if (g.window && g.document) return;
  const { JSDOM } = require('jsdom') as typeof import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://servicewechat.com/demo/',
  });
  g.window = window;
  // Node has its own Event classes, which jsdom's dispatchEvent refuses: jsdom's win.
  const domOwned = new Set(['Event', 'CustomEvent', 'EventTarget', 'UIEvent', 'MouseEvent']);
  for (const name of Object.getOwnPropertyNames(window)) {
    if ((name in g && !domOwned.has(name)) || name.startsWith('_')) continue;
    try {
      g[name] = (window as unknown as Global)[name];
    } catch {}
  }
}

/**
 * Makes Node resolve a bare `require('x')` from the mini program's files the way WeChat does:
 * `miniprogram_npm/x` in the requiring file's folder or any parent up to the mini program
 * root. Outside jest only (jest resolves with its own resolver; the tests map the package).
 */
export function installMiniprogramNpmResolver(root = MINIPROGRAM_DIR): void {
  const Module = require('node:module') as { _resolveFilename: (...args: unknown[]) => string };
  const original = Module._resolveFilename;
  if ((original as { miniprogramNpm?: boolean }).miniprogramNpm) return;
  const patched = function (this: unknown, request: unknown, parent: unknown, ...rest: unknown[]) {
    const from = (parent as { filename?: string } | undefined)?.filename;
    if (
      typeof request === 'string' &&
      from?.startsWith(root + path.sep) &&
      !request.startsWith('.') &&
      !path.isAbsolute(request) &&
      !request.startsWith('node:')
    ) {
      for (let dir = path.dirname(from); dir.startsWith(root); dir = path.dirname(dir)) {
        for (const candidate of [
          path.join(dir, 'miniprogram_npm', request, 'index.js'),
          path.join(dir, 'miniprogram_npm', `${request}.js`),
        ]) {
          if (fs.existsSync(candidate)) return candidate;
        }
        if (dir === root) break;
      }
      throw new Error(
        `[demo] module "${request}" is not in miniprogram_npm (required from ${from}): build npm first`,
      );
    }
    return original.call(this, request, parent, ...rest);
  };
  (patched as { miniprogramNpm?: boolean }).miniprogramNpm = true;
  Module._resolveFilename = patched;
}

/** A page on the navigation stack. */
export interface PageHandle {
  readonly route: string;
  readonly query: Record<string, string>;
  /** Its whole text, whitespace collapsed, as the user reads it. */
  text(selector?: string): string;
  has(selector: string): boolean;
  /** Taps; j-component delivers the event a microtask later, so await it. */
  tap(selector: string): Promise<void>;
  readonly data: Record<string, unknown>;
  readonly instance: Record<string, unknown>;
  /** Every setData the page made, in order: what the screen went through. */
  readonly updates: Array<Record<string, unknown>>;
}

/** Resolves once `check()` is truthy; rejects after `timeoutMs` with `describe()`. */
export async function waitFor<T>(
  check: () => T,
  describe: () => string,
  timeoutMs = 10000,
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until)
      throw new Error(`[demo] timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

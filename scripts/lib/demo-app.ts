import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BridgeWx } from './bridge-wx';
import { installDom, MINIPROGRAM_DIR, type PageHandle } from './demo-environment';

export {
  installMiniprogramNpmResolver,
  MINIPROGRAM_DIR,
  type PageHandle,
  waitFor,
} from './demo-environment';
/** Where the npm build puts the library, as WeChat resolves `require('miniprogram-pay')`. */
export const BUILT_PACKAGE_ENTRY = path.join(
  MINIPROGRAM_DIR,
  'miniprogram_npm',
  'miniprogram-pay',
  'index.js',
);

/** The part of a j-component instance the runner uses. */
interface Rendered {
  dom: { textContent: string | null };
  instance: Record<string, unknown> & { data: Record<string, unknown> };
  data: Record<string, unknown>;
  attach(parent: unknown): void;
  detach(): void;
  querySelector(selector: string): (Rendered & { dispatchEvent(name: string): void }) | undefined;
}

interface Simulate {
  load(componentPath: string, options?: { rootPath?: string; compiler?: string }): string;
  render(id: string): Rendered;
}

type Global = Record<string, unknown>;

interface AppOptions {
  globalData: Record<string, unknown>;
  onLaunch(this: unknown): void;
  [key: string]: unknown;
}

/** The app instance the pages reach with getApp(). */
export interface DemoAppInstance {
  globalData: Record<string, unknown>;
  ready: Promise<unknown>;
  demo: unknown;
}

/**
 * Runs the demo mini program's real files headless: app.js, and pages rendered by
 * miniprogram-simulate (WXML compiled by the official `wcc`), with `wx` = the bridge.
 * Install the bridge as `global.wx` before creating it (see {@link createDemoApp}).
 */
export class DemoApp {
  private readonly stack: Array<PageHandle & { rendered: Rendered }> = [];
  private readonly ids = new Map<string, string>();
  private app: DemoAppInstance | undefined;

  constructor(
    private readonly simulate: Simulate,
    private readonly appOptions: AppOptions,
    private readonly root: string,
  ) {}

  /** Starts the app (a fresh App instance; storage is the bridge's, so it survives). */
  async launch(): Promise<DemoAppInstance> {
    while (this.stack.length) this.back();
    const options = this.appOptions;
    const app = Object.assign({}, options, {
      globalData: JSON.parse(JSON.stringify(options.globalData)),
    }) as unknown as DemoAppInstance;
    this.app = app;
    options.onLaunch.call(app);
    await app.ready;
    return app;
  }

  get instance(): DemoAppInstance {
    if (!this.app) throw new Error('[demo] launch() the app first');
    return this.app;
  }

  /** The page on top. */
  get current(): PageHandle {
    const page = this.stack[this.stack.length - 1];
    if (!page) throw new Error('[demo] no page is open');
    return page;
  }

  /** Opens `/pages/x/index?a=b` on top of the stack, as wx.navigateTo does. */
  open(url: string): PageHandle {
    const [route = '', search = ''] = url.replace(/^\//, '').split('?');
    const query: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(search)) query[key] = value;
    const rendered = this.simulate.render(this.pageId(route));
    const parent = document.createElement('page-wrapper');
    document.body.appendChild(parent);
    rendered.attach(parent);
    const find = (selector: string) => rendered.querySelector(selector);
    const updates: Array<Record<string, unknown>> = [];
    const setData = rendered.instance.setData as (data: object, done?: () => void) => void;
    rendered.instance.setData = function (this: unknown, data: object, done?: () => void) {
      updates.push({ ...data });
      return setData.call(this, data, done);
    };
    const handle = {
      updates,
      route,
      query,
      rendered,
      text: (selector?: string) => {
        const node = selector ? find(selector) : rendered;
        return (node?.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
      },
      has: (selector: string) => !!find(selector),
      tap: (selector: string) => {
        const node = find(selector);
        if (!node)
          throw new Error(`[demo] nothing to tap at ${selector} on ${route}: ${handle.text()}`);
        node.dispatchEvent('tap');
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
      get data() {
        return rendered.instance.data;
      },
      get instance() {
        return rendered.instance;
      },
    };
    this.stack.push(handle);
    this.call(rendered, 'onLoad', query);
    this.call(rendered, 'onShow');
    return handle;
  }

  /** Closes the top page, as wx.navigateBack does. */
  back(): void {
    const page = this.stack.pop();
    if (!page) return;
    this.call(page.rendered, 'onUnload');
    page.rendered.detach();
    const below = this.stack[this.stack.length - 1];
    if (below) this.call(below.rendered, 'onShow');
  }

  private call(rendered: Rendered, method: string, ...args: unknown[]): void {
    const fn = rendered.instance[method];
    if (typeof fn === 'function') fn.apply(rendered.instance, args);
  }

  /** Loads each page's files once (its JS registers the component definition). */
  private pageId(route: string): string {
    let id = this.ids.get(route);
    if (!id) {
      const file = path.join(this.root, route);
      if (!fs.existsSync(`${file}.js`)) throw new Error(`[demo] no page ${route}`);
      id = this.simulate.load(file, { rootPath: this.root, compiler: 'official' });
      this.ids.set(route, id);
    }
    return id;
  }
}

/**
 * Installs `bridge` as `global.wx` (before miniprogram-simulate is required, so ours wins),
 * `App` / `getApp`, loads miniprogram-simulate and the demo's app.js. One per process: the
 * simulator and the app's modules are loaded once.
 */
export function createDemoApp(bridge: BridgeWx, root = MINIPROGRAM_DIR): DemoApp {
  installDom();
  const g = globalThis as unknown as Global;
  if (g.__demoApp) throw new Error('[demo] createDemoApp() runs once per process');
  g.wx = bridge.api;
  let registered: AppOptions | undefined;
  let runner: DemoApp | undefined;
  g.App = (options: AppOptions) => {
    registered = options;
  };
  g.getApp = () => runner?.instance;
  const simulate = require('miniprogram-simulate') as Simulate;
  require(path.join(root, 'app.js'));
  if (!registered) throw new Error('[demo] app.js did not call App()');
  runner = new DemoApp(simulate, registered, root);
  g.__demoApp = runner;
  const app = runner;
  bridge.onNavigate({ to: (url) => void app.open(url), back: () => app.back() });
  return runner;
}

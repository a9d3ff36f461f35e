import * as http from 'node:http';
import { createFakeHost } from '../../src/testing/index';

/** What a `wx` callback-style API receives. */
interface Callbacks<T> {
  success?(result: T): void;
  fail?(error: { errMsg: string }): void;
  complete?(result: unknown): void;
}

interface RequestOptions extends Callbacks<RequestSuccess> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
}

interface RequestSuccess {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
  errMsg: string;
}

/** A request `wx.request` made, once answered. */
export interface RequestRecord {
  method: string;
  path: string;
  statusCode?: number;
  error?: string;
  /** Milliseconds since the bridge was created. */
  at: number;
}

/** How the user answers the next action sheet: the button label, or closing it. */
export type SheetAnswer = string | 'dismiss';

/**
 * The `wx` the headless demo gives the real pages: `request` goes to the live backend over
 * loopback, storage is in memory (it survives an app relaunch), action sheets are answered by
 * the script, `onAppShow` listeners fire when the script says so.
 */
export interface BridgeWx {
  /** The functions installed as `global.wx`. */
  readonly api: Record<string, (...args: never[]) => unknown>;
  /** Every request answered so far. */
  readonly requests: RequestRecord[];
  /** Every action sheet shown, with its buttons. */
  readonly sheets: string[][];
  /** Answers for the next action sheets, in order. */
  answerSheets(...answers: SheetAnswer[]): void;
  /** Storage content, as the host keeps it. */
  readonly storage: Map<string, unknown>;
  /** Brings the app to the foreground: fires the `onAppShow` listeners. */
  showApp(): void;
  /** Where page navigation goes. */
  onNavigate(handler: { to(url: string): void; back(): void }): void;
}

/** Creates the bridge. Requests go wherever their URL says (the pages use config.js baseUrl). */
export function createBridgeWx(): BridgeWx {
  const started = Date.now();
  const requests: RequestRecord[] = [];
  const sheets: string[][] = [];
  const answers: SheetAnswer[] = [];
  let navigation: { to(url: string): void; back(): void } | undefined;
  const later = (run: () => void) => setTimeout(run, 0);

  const request = (options: RequestOptions) => {
    const url = new URL(options.url);
    const method = (options.method ?? 'GET').toUpperCase();
    const record: RequestRecord = { method, path: url.pathname, at: Date.now() - started };
    let body: string | undefined;
    if (options.data !== undefined && method !== 'GET') {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
    }
    let settled = false;
    const finish = (run: () => void) => {
      if (settled) return;
      settled = true;
      requests.push(record);
      run();
    };
    const fail = (errMsg: string) =>
      finish(() => {
        record.error = errMsg;
        options.fail?.({ errMsg });
        options.complete?.({ errMsg });
      });
    const outgoing = http.request(
      url,
      {
        method,
        headers: {
          ...options.header,
          ...(body ? { 'content-length': Buffer.byteLength(body) } : {}),
        },
        timeout: options.timeout ?? 60000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => fail('request:fail connection reset'));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {}
          const header = response.headers as Record<string, string>;
          finish(() => {
            record.statusCode = response.statusCode;
            const result = {
              statusCode: response.statusCode ?? 0,
              data,
              header,
              errMsg: 'request:ok',
            };
            options.success?.(result);
            options.complete?.(result);
          });
        });
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy();
      fail('request:fail timeout');
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      fail(`request:fail ${error.code ?? error.message}`),
    );
    outgoing.end(body);
    return {
      abort: () => {
        outgoing.destroy();
        fail('request:fail abort');
      },
    };
  };

  // Storage, app shows, login and the no-op UI calls are the testing kit's fake host; the
  // bridge adds the network, action sheets and navigation the demo pages use.
  const host = createFakeHost({ request: request as never });
  const api: BridgeWx['api'] = {
    ...(Object.fromEntries(
      Object.entries(host).filter(([, value]) => typeof value === 'function'),
    ) as BridgeWx['api']),
    clearStorageSync: (() => host.storage.clear()) as never,
    showActionSheet: ((
      options: Callbacks<{ tapIndex: number; errMsg: string }> & {
        itemList: string[];
      },
    ) => {
      sheets.push(options.itemList.slice());
      const answer = answers.shift();
      later(() => {
        const index = answer === undefined ? -1 : options.itemList.indexOf(answer);
        if (answer === undefined || answer === 'dismiss' || index < 0) {
          options.fail?.({ errMsg: 'showActionSheet:fail cancel' });
        } else {
          options.success?.({ tapIndex: index, errMsg: 'showActionSheet:ok' });
        }
      });
    }) as never,
    navigateTo: ((options: { url: string } & Callbacks<unknown>) => {
      navigation?.to(options.url);
      options.success?.({ errMsg: 'navigateTo:ok' });
    }) as never,
    navigateBack: (() => navigation?.back()) as never,
    showModal: ((options: Callbacks<{ confirm: boolean }>) =>
      later(() => options.success?.({ confirm: true }))) as never,
  };

  return {
    api,
    requests,
    sheets,
    storage: host.storage,
    answerSheets: (...next) => void answers.push(...next),
    showApp: host.showApp,
    onNavigate: (handler) => {
      navigation = handler;
    },
  };
}

import { createFakeHost, fetchRequest } from '../../src/testing/index';

/** What a `wx` callback-style API receives. */
interface Callbacks<T> {
  success?(result: T): void;
  fail?(error: { errMsg: string }): void;
  complete?(result: unknown): void;
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

  // The network is the testing kit's fetch bridge, as for any page test against a real server.
  const request = fetchRequest({
    onSettled: (settled) => {
      const record: RequestRecord = {
        method: settled.method,
        path: new URL(settled.url).pathname,
        at: settled.sentAt - started,
      };
      if (settled.statusCode !== undefined) record.statusCode = settled.statusCode;
      if (settled.errMsg !== 'request:ok') record.error = settled.errMsg;
      requests.push(record);
    },
  });

  // Storage, app shows, login and the no-op UI calls are the testing kit's fake host; the
  // bridge adds the network, action sheets and navigation the demo pages use.
  const host = createFakeHost({ request });
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

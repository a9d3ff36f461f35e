import type { JournalEntry } from '../journal/entry';

/** The dashboard's buttons, by the route segment that runs each, with the button's name. */
export const ACTION_NAMES = {
  'deliver-notification': 'Deliver notification',
  'drop-notification': 'Drop notification',
  'replay-notification': 'Replay notification',
  refund: 'Refund',
  close: 'Close',
} as const;

export type ActionId = keyof typeof ACTION_NAMES;

export const ACTION_IDS = Object.keys(ACTION_NAMES) as ActionId[];

/** A button of a row: its name and the route it posts to. */
export interface ItemAction {
  readonly id: ActionId;
  readonly name: string;
  readonly path: string;
}

/**
 * One row of the dashboard: an order of any kind, a merchant transfer included. The page knows
 * nothing of kinds: it shows these fields and the buttons in `actions`.
 */
export interface DashboardItem {
  readonly id: string;
  /** The order's kind: `payment`, `virtual`, `order`, `common`, `plugin` or `transfer`. */
  readonly kind: string;
  /** The parameter profile (`wechat-v3`, `tcmpp`, ...). */
  readonly profile: string;
  readonly product: string;
  /** In fen. */
  readonly amount: number;
  readonly currency: string;
  /** `pending`, `paid`, `closed`, `failed` or `refunded`. */
  readonly state: string;
  /**
   * The platform's own word for it: trade_state, the virtual status name, B2b's pay status or
   * the transfer bill's state.
   */
  readonly detail: string;
  /** ms since the epoch */
  readonly createdAt: number;
  /** The buttons that apply now. */
  readonly actions: readonly ItemAction[];
  /**
   * False when the journal does not hold the item's whole history: it began before this run
   * of the backend (the journal is not kept across a restart), or its oldest entries were dropped.
   */
  readonly completeHistory: boolean;
}

/** An item with its timeline, as the snapshot carries it. */
export interface DashboardItemWithTimeline extends DashboardItem {
  readonly timeline: readonly JournalEntry[];
}

/** Where items of some kinds come from. */
export interface ItemSource {
  /** Every item, in any order. */
  items(): Iterable<DashboardItem>;
  item(id: string): DashboardItem | undefined;
  /** Runs a button of an item; answers the item afterwards. Throws an ApiError when refused. */
  act(id: string, action: ActionId): Promise<DashboardItem>;
}

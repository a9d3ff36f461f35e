import type { BackendState } from './state';

/** The tables of the state file; each record is keyed within its table. */
const TABLES = [
  'orders',
  'sessions',
  'payments',
  'virtualOrders',
  'b2bOrders',
  'transferBills',
] as const;
type Records = Map<string, object>;

/** Replaces `target`'s fields with `source`'s, keeping the object (code holds references). */
function replaceInPlace(target: object, source: object): void {
  const fields = target as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!(name in source)) delete fields[name];
  Object.assign(fields, source);
}

/**
 * What this instance last read from or wrote to the state file, record by record, so that
 * instances sharing the file merge rather than overwrite each other: a record this instance
 * has not changed since takes the file's version (updated in place), a record it changed
 * keeps its own (the last writer of a record wins), a record it does not know is added.
 */
export class StateSync {
  private readonly synced = new Map<string, string>();

  /** Takes in the file's records that this instance has not changed. */
  mergeFrom(state: BackendState, file: BackendState): void {
    for (const table of TABLES) {
      const mine = state[table] as Records;
      for (const [key, theirs] of file[table] as Records) {
        const id = `${table}:${key}`;
        const own = mine.get(key);
        if (!own) {
          mine.set(key, theirs);
        } else if (JSON.stringify(own) === this.synced.get(id)) {
          replaceInPlace(own, theirs);
        } else {
          continue;
        }
        this.synced.set(id, JSON.stringify(mine.get(key)));
        if (table === 'payments') this.indexPayment(state, key);
      }
    }
  }

  /** Everything in memory is what the file now holds. */
  markSynced(state: BackendState): void {
    for (const table of TABLES) {
      for (const [key, record] of state[table] as Records) {
        this.synced.set(`${table}:${key}`, JSON.stringify(record));
      }
    }
  }

  private indexPayment(state: BackendState, outTradeNo: string): void {
    const payment = state.payments.get(outTradeNo);
    if (payment) state.prepayIndex.set(payment.prepayId, outTradeNo);
  }
}

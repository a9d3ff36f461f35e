import { isRecord } from '../lib/json';

/** The file format of a snapshot. */
export interface Snapshot {
  readonly format: 'wechatpay-simulator/1';
  readonly clockOffsetMs: number;
  /** Every collection: its records by id. */
  readonly collections: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const FORMAT = 'wechatpay-simulator/1';

/**
 * Everything the simulator knows, as named collections of plain JSON records (merchants,
 * orders, refunds, notifications, tasks, and whatever later parts add) and the clock's
 * offset. Services change records in place and then save the store.
 */
export class SimulatorState {
  clockOffsetMs = 0;
  private readonly collections = new Map<string, Map<string, unknown>>();

  /** The collection `name`, created empty on first use. Its records must be JSON. */
  collection<T>(name: string): Map<string, T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Map();
      this.collections.set(name, collection);
    }
    return collection as Map<string, T>;
  }

  /** The names of the collections made so far (by any part of the simulator). */
  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  toSnapshot(): Snapshot {
    const collections: Record<string, Record<string, unknown>> = {};
    for (const [name, records] of this.collections) {
      collections[name] = Object.fromEntries(records);
    }
    return { format: FORMAT, clockOffsetMs: this.clockOffsetMs, collections };
  }

  /** A state from a snapshot's text; throws a sentence naming what is wrong with it. */
  static fromSnapshotText(text: string, source: string): SimulatorState {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${source} is not JSON; move it away to start with an empty simulator.`);
    }
    if (!isRecord(parsed) || parsed.format !== FORMAT || !isRecord(parsed.collections)) {
      throw new Error(`${source} is not a snapshot of this simulator (format ${FORMAT}).`);
    }
    const state = new SimulatorState();
    state.clockOffsetMs = typeof parsed.clockOffsetMs === 'number' ? parsed.clockOffsetMs : 0;
    for (const [name, records] of Object.entries(parsed.collections)) {
      if (!isRecord(records)) throw new Error(`${source}: collection ${name} is not an object.`);
      const collection = state.collection<unknown>(name);
      for (const [id, record] of Object.entries(records)) collection.set(id, record);
    }
    return state;
  }
}

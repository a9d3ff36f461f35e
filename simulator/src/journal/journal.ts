/** Whether the simulator took a request's signature, and why not. */
export type Verdict =
  | { readonly verified: true }
  | { readonly verified: false; readonly reason: string }
  /** A route that takes no signature (the simulator's own, an unknown path). */
  | { readonly verified: undefined };

/** One API request, as the journal keeps it. */
export interface RequestEntry {
  readonly requestId: string;
  /** ms on the test clock / on the wall clock. */
  readonly at: number;
  readonly wallAt: number;
  readonly method: string;
  readonly url: string;
  /** The merchant the request named (Authorization's mchid), when it named one. */
  readonly mchid: string | undefined;
  readonly verdict: Verdict;
  readonly status: number;
  /** The error code of a refusal. */
  readonly code: string | undefined;
  readonly durationMs: number;
}

/** Something changed that a viewer may show: which collection, which record. */
export interface Change {
  readonly type: string;
  readonly id: string;
}

export type JournalListener = (event: { request: RequestEntry } | { change: Change }) => void;

/**
 * What happened, for people and the dashboard: the newest API requests with their verdicts
 * (bounded, in memory), and a feed of changes to listen to.
 */
export class Journal {
  private readonly entries: RequestEntry[] = [];
  private readonly listeners = new Set<JournalListener>();

  constructor(private readonly limit: number) {}

  record(entry: RequestEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.emit({ request: entry });
  }

  /** Tells listeners that a record changed. */
  changed(type: string, id: string): void {
    this.emit({ change: { type, id } });
  }

  /** The newest `limit` requests, oldest first. */
  requests(limit = this.limit): readonly RequestEntry[] {
    return this.entries.slice(-limit);
  }

  /** Answers a function that stops listening. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: Parameters<JournalListener>[0]): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing viewer must not break the simulator.
      }
    }
  }
}

import { randomBytes } from 'node:crypto';
import { describeEntry } from './describe-entry';
import type { EntryDetail, JournalEntry } from './entry';

export interface JournalOptions {
  /** The wall clock, as the notifier's: the journal is read by a person. @default Date.now */
  readonly now?: () => number;
  /** Entries kept in all; the oldest go first. @default 20000 */
  readonly limit?: number;
}

export type JournalListener = (entry: JournalEntry) => void;

/**
 * What happened to each order, in the order it happened: every event of an order is recorded
 * here by one call from the place it happens (see the mock backend's README, "Where things
 * happen"), and told at once to every listener (the dashboard's event stream). In memory only:
 * a restart starts a new journal, under a new `bootId`.
 */
export class Journal {
  /** Tells this run of the backend from the one before a restart. */
  readonly bootId = randomBytes(4).toString('hex');
  readonly startedAt: number;
  private lastSeq = 0;
  private readonly all: JournalEntry[] = [];
  private readonly bySubject = new Map<string | undefined, JournalEntry[]>();
  private readonly listeners = new Set<JournalListener>();

  private readonly now: () => number;

  constructor(private readonly options: JournalOptions = {}) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** Records what happened to `subject` (an order id; undefined when it cannot be told). */
  record(subject: string | undefined, detail: EntryDetail): JournalEntry {
    const at = this.now();
    const entry: JournalEntry = {
      ...detail,
      seq: ++this.lastSeq,
      at,
      subject,
      ...describeEntry(detail, at),
    };
    this.all.push(entry);
    const own = this.bySubject.get(subject) ?? [];
    own.push(entry);
    this.bySubject.set(subject, own);
    this.evict();
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A listener's failure is its own; the journal and the other listeners go on.
      }
    }
    return entry;
  }

  /** The seq of the last entry, 0 before any. */
  get seq(): number {
    return this.lastSeq;
  }

  /** The entries of one subject, oldest first. */
  entriesOf(subject: string): readonly JournalEntry[] {
    return this.bySubject.get(subject) ?? [];
  }

  /** Entries whose subject is none or not one `isKnown` accepts, oldest first. */
  entriesNotOf(isKnown: (subject: string) => boolean): JournalEntry[] {
    const loose: JournalEntry[] = [];
    for (const [subject, entries] of this.bySubject) {
      if (subject === undefined || !isKnown(subject)) loose.push(...entries);
    }
    return loose.sort((a, b) => a.seq - b.seq);
  }

  /** Calls `listener` with every entry recorded from now on; the answer unsubscribes. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private evict(): void {
    const limit = this.options.limit ?? 20_000;
    while (this.all.length > limit) {
      const oldest = this.all.shift();
      if (!oldest) return;
      const own = this.bySubject.get(oldest.subject);
      own?.shift();
      if (own?.length === 0) this.bySubject.delete(oldest.subject);
    }
  }
}

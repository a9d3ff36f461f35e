import { ApiError } from '../http/api-error';
import type { JournalEntry } from '../journal/entry';
import type { Journal } from '../journal/journal';
import type { ActionId, DashboardItem, DashboardItemWithTimeline, ItemSource } from './item';

/** Everything the page shows, as of `seq`. */
export interface DashboardSnapshot {
  /** This run of the backend; a new one after a restart. */
  readonly bootId: string;
  readonly startedAt: number;
  /** The last journal entry it includes. */
  readonly seq: number;
  /** Newest first. */
  readonly items: readonly DashboardItemWithTimeline[];
  /** Entries not about any item (e.g. a forged notification refused), oldest first. */
  readonly loose: readonly JournalEntry[];
}

/** One journal entry as the event stream sends it: the entry and its item as it is now. */
export interface DashboardEntryEvent {
  readonly entry: JournalEntry;
  /** null when the entry is about no item. */
  readonly item: DashboardItem | null;
}

/** The dashboard's model: items from every source, with their timelines from the journal. */
export class Dashboard {
  constructor(
    readonly journal: Journal,
    private readonly sources: readonly ItemSource[],
  ) {}

  item(id: string): DashboardItem | undefined {
    for (const source of this.sources) {
      const item = source.item(id);
      if (item) return item;
    }
    return undefined;
  }

  snapshot(): DashboardSnapshot {
    const { journal } = this;
    // Newest first; two made in the same millisecond by the order the journal saw them.
    const firstSeq = (id: string) => journal.entriesOf(id)[0]?.seq ?? 0;
    const items = this.sources
      .flatMap((source) => [...source.items()])
      .sort((a, b) => b.createdAt - a.createdAt || firstSeq(b.id) - firstSeq(a.id))
      .map((item) => ({ ...item, timeline: journal.entriesOf(item.id) }));
    return {
      bootId: journal.bootId,
      startedAt: journal.startedAt,
      seq: journal.seq,
      items,
      loose: journal.entriesNotOf((id) => this.item(id) !== undefined),
    };
  }

  eventOf(entry: JournalEntry): DashboardEntryEvent {
    return { entry, item: entry.subject === undefined ? null : (this.item(entry.subject) ?? null) };
  }

  /** Runs a button; answers the item afterwards. */
  async act(id: string, action: ActionId): Promise<DashboardItem> {
    for (const source of this.sources) {
      if (source.item(id)) return source.act(id, action);
    }
    throw new ApiError(404, 'ORDER_NOT_FOUND', `There is no order ${id}.`);
  }
}

import type { ServerResponse } from 'node:http';
import type { JournalEntry } from '../journal/entry';
import type { Dashboard } from './dashboard';

/** How long EventSource waits before it reconnects (the `retry:` field). */
export const RECONNECT_MS = 1000;

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

/** How a connection relates to the one before it, from its Last-Event-ID. */
export type Resumption = 'new' | 'reconnected' | 'restarted';

/** `<bootId>-<seq>`: the id of every event, so that a reconnect says where it was. */
export function eventId(bootId: string, seq: number): string {
  return `${bootId}-${seq}`;
}

/** 'reconnected' to this run of the backend, 'restarted' when the id is from another run. */
export function resumptionOf(lastEventId: string | undefined, bootId: string): Resumption {
  if (!lastEventId) return 'new';
  return lastEventId.startsWith(`${bootId}-`) ? 'reconnected' : 'restarted';
}

function frame(event: string, id: string, data: unknown): string {
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `GET /dashboard/events`: every connection gets a fresh snapshot (so a reconnect, after a
 * restart too, replaces what the page had), then one `entry` event per journal entry.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly dashboard: Dashboard) {
    this.unsubscribe = dashboard.journal.subscribe((entry) => this.broadcast(entry));
  }

  get size(): number {
    return this.open.size;
  }

  serve(response: ServerResponse, lastEventId: string | undefined): void {
    const { journal } = this.dashboard;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const resumption = resumptionOf(lastEventId, journal.bootId);
    response.write(`retry: ${RECONNECT_MS}\n\n`);
    response.write(
      frame('snapshot', eventId(journal.bootId, journal.seq), {
        ...this.dashboard.snapshot(),
        resumption,
      }),
    );
    this.open.add(response);
    response.on('close', () => {
      this.open.delete(response);
      if (this.open.size === 0) this.stopHeartbeat();
    });
    this.heartbeat ??= setInterval(() => this.writeAll(': keep-alive\n\n'), HEARTBEAT_MS);
  }

  /** Ends every stream (the server is closing); EventSource will reconnect by itself. */
  close(): void {
    this.unsubscribe();
    this.stopHeartbeat();
    for (const response of this.open) response.end();
    this.open.clear();
  }

  private broadcast(entry: JournalEntry): void {
    if (this.open.size === 0) return;
    const { bootId } = this.dashboard.journal;
    this.writeAll(frame('entry', eventId(bootId, entry.seq), this.dashboard.eventOf(entry)));
  }

  private writeAll(text: string): void {
    for (const response of this.open) response.write(text);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

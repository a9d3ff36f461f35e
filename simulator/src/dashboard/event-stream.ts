import type { ServerResponse } from 'node:http';
import type { Journal } from '../journal/journal';
import type { CashierEvent } from './activity';
import type { Dashboard, DashboardEvent } from './dashboard';

/** How long EventSource waits before it reconnects (the `retry:` field). */
export const RECONNECT_MS = 1000;

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `GET /dashboard/events`: every connection starts with a `snapshot` (so a reconnect, after a
 * restart too, replaces what the page had), then one `change` per row that changed. Nothing is
 * computed while no page is open.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly dashboard: Dashboard,
    journal: Journal,
  ) {
    this.unsubscribe = journal.subscribe((event) => {
      if (this.open.size === 0) return;
      if ('request' in event)
        this.send({ type: 'request', row: dashboard.requestRow(event.request) });
      else for (const change of dashboard.eventsOf(event.change)) this.send(change);
    });
  }

  /** A use of the cashier (the journal does not see the simulator's own routes). */
  cashier(event: CashierEvent): void {
    if (this.open.size > 0) this.send({ type: 'cashier', row: event });
  }

  serve(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RECONNECT_MS}\n\n`);
    response.write(frame('snapshot', this.dashboard.snapshot()));
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

  private send(event: DashboardEvent): void {
    this.writeAll(frame('change', event));
  }

  private writeAll(text: string): void {
    for (const response of this.open) response.write(text);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

/** One server-sent event as EventSource would deliver it. */
export interface ServerSentEvent {
  readonly event: string;
  readonly id: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON data freely
  readonly data: any;
}

/** Reads `GET /dashboard/events` (or any event stream) event by event, as EventSource parses it. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`The event stream at ${url} has no body.`);
  const stream = reader;
  const decoder = new TextDecoder();
  let buffer = '';
  let retry: number | undefined;
  const queue: ServerSentEvent[] = [];
  let ended = false;

  async function fill(): Promise<void> {
    const { value, done } = await stream.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        fields[name] = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      }
      if (fields.retry !== undefined) retry = Number(fields.retry);
      if (fields.data !== undefined) {
        queue.push({
          event: fields.event ?? 'message',
          id: fields.id,
          data: JSON.parse(fields.data),
        });
      }
      end = buffer.indexOf('\n\n');
    }
  }

  return {
    response,
    get retry() {
      return retry;
    },
    /** The next event; undefined once the stream has ended. */
    async next(): Promise<ServerSentEvent | undefined> {
      while (queue.length === 0 && !ended) await fill();
      return queue.shift();
    },
    /** The next event; throws when the stream has ended. */
    async take(): Promise<ServerSentEvent> {
      const event = await this.next();
      if (!event) throw new Error('The event stream ended before the next event.');
      return event;
    },
    /** The next event matching `test`, skipping the others. */
    async until(test: (event: ServerSentEvent) => boolean): Promise<ServerSentEvent> {
      for (;;) {
        const event = await this.next();
        if (!event) throw new Error('The event stream ended before the expected event.');
        if (test(event)) return event;
      }
    },
    /** Whether the server ended the stream (reads what is left). */
    async ended(): Promise<boolean> {
      while (!ended) await fill();
      return true;
    },
    close(): void {
      controller.abort();
    },
  };
}

/**
 * The live connection: an EventSource on /dashboard/events. Every connection starts with a
 * snapshot that replaces what the page shows, so a reconnect (after a restart too) re-syncs
 * without a reload. EventSource reconnects by itself after a dropped connection and sends
 * Last-Event-ID; when it gives up (an error answer while the backend restarts), this opens a
 * new one and passes the last id in the query instead.
 */
const RETRY_MS = 1000;

const RESUMPTIONS = {
  new: 'Live.',
  reconnected: 'Live again: reconnected.',
  restarted: 'Live again: the backend restarted; the list was reloaded from its saved state.',
};

export function connect({ onSnapshot, onEntry, onStatus }) {
  let lastEventId = '';
  let source;

  function open() {
    const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '';
    source = new EventSource(`/dashboard/events${query}`);
    source.addEventListener('snapshot', (event) => {
      lastEventId = event.lastEventId;
      const snapshot = JSON.parse(event.data);
      onSnapshot(snapshot);
      onStatus(RESUMPTIONS[snapshot.resumption] ?? RESUMPTIONS.new, 'live');
    });
    source.addEventListener('entry', (event) => {
      lastEventId = event.lastEventId;
      onEntry(JSON.parse(event.data));
    });
    source.addEventListener('error', () => {
      onStatus('Reconnecting: the backend does not answer…', 'down');
      if (source.readyState === EventSource.CLOSED) setTimeout(open, RETRY_MS);
    });
  }

  open();
  return {
    close: () => source.close(),
  };
}

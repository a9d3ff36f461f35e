/**
 * The live connection: an EventSource on /dashboard/events. Every connection starts with a
 * snapshot that replaces what the page shows, so a reconnect (after a restart too) re-syncs
 * without a reload. EventSource reconnects by itself after a dropped connection; when it gives
 * up (an error answer while the simulator restarts), this opens a new one.
 */
const RETRY_MS = 1000;

export function connect({ onSnapshot, onChange, onStatus }) {
  let source;
  let connectedBefore = false;

  function open() {
    source = new EventSource('/dashboard/events');
    source.addEventListener('snapshot', (event) => {
      onSnapshot(JSON.parse(event.data));
      onStatus(connectedBefore ? 'Live again: reconnected.' : 'Live.', 'live');
      connectedBefore = true;
    });
    source.addEventListener('change', (event) => onChange(JSON.parse(event.data)));
    source.addEventListener('error', () => {
      onStatus('Reconnecting: the simulator does not answer…', 'down');
      if (source.readyState === EventSource.CLOSED) setTimeout(open, RETRY_MS);
    });
  }

  open();
  return { close: () => source.close() };
}

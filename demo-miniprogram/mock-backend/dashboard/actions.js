/**
 * The buttons of a row: each posts to its route; the effect arrives on the event stream like
 * everything else. A refusal is shown in the page's alert line.
 */
export function createActions(alertLine) {
  return async function run(item, action, button) {
    button.disabled = true;
    alertLine.textContent = '';
    try {
      const response = await fetch(action.path, { method: 'POST' });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        const message = body?.error?.message ?? `HTTP ${response.status}`;
        alertLine.textContent = `${action.name} on order ${item.id} was refused: ${message}`;
      }
    } catch (error) {
      alertLine.textContent = `${action.name} on order ${item.id} failed: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  };
}

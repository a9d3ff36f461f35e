/**
 * Posts a button's request; the effect arrives on the event stream like everything else. A
 * refusal is shown in the page's alert line, in the simulator's words.
 */
export function createPoster(alertLine) {
  return async function post(path, body, what, button) {
    if (button) button.disabled = true;
    alertLine.textContent = '';
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        alertLine.textContent = `${what} was refused: ${answer.message ?? `HTTP ${response.status}`}`;
      }
    } catch (error) {
      alertLine.textContent = `${what} failed: ${error.message}`;
    } finally {
      if (button) button.disabled = false;
    }
  };
}

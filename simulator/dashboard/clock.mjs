import { formatDateTime, formatDuration } from './format.mjs';

const STEPS = [
  { seconds: 60, name: 'Advance 1 min' },
  { seconds: 60 * 60, name: 'Advance 1 h' },
  { seconds: 24 * 60 * 60, name: 'Advance 1 day' },
];

/**
 * The test clock: its time, ticking with the wall clock between updates, how far ahead of
 * the wall clock it is, the tasks still due, and the buttons that move it forward.
 */
export function createClock({ now, offset, buttons, post }) {
  let view;
  let receivedAt = 0;

  for (const step of STEPS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = step.name;
    button.addEventListener('click', () =>
      post('/sim/clock/advance', { seconds: step.seconds }, step.name, button),
    );
    buttons.append(button);
  }

  function render() {
    if (!view) return;
    const current = view.now + (Date.now() - receivedAt);
    now.textContent = formatDateTime(current);
    now.dateTime = new Date(current).toISOString();
    const ahead =
      view.offsetMs > 0
        ? `${formatDuration(view.offsetMs)} ahead of the wall clock`
        : 'with the wall clock';
    const tasks =
      view.pendingTasks === 1 ? '1 task due later' : `${view.pendingTasks} tasks due later`;
    offset.textContent = `${ahead} · ${tasks}`;
  }

  setInterval(render, 1000);
  return {
    update(next) {
      view = next;
      receivedAt = Date.now();
      render();
    },
    /** Now on the test clock, as the page knows it. */
    now: () => (view ? view.now + (Date.now() - receivedAt) : Date.now()),
  };
}

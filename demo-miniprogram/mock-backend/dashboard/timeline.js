import { element, formatTime } from './format.js';

/** One timeline line: its time and the journal's sentence; refusals stand out. */
export function timelineEntry(entry) {
  const item = element('li', { class: entry.refusal ? 'entry refusal' : 'entry' });
  item.dataset.type = entry.type;
  item.append(
    element('time', { datetime: new Date(entry.at).toISOString() }, formatTime(entry.at)),
  );
  item.append(element('span', { class: 'summary' }, entry.summary));
  return item;
}

/** Fills `list` with the entries, oldest first. */
export function fillTimeline(list, entries) {
  list.replaceChildren(...entries.map(timelineEntry));
}

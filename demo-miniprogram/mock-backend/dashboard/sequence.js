import { element, formatTime } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const LANES = [
  { id: 'mini-program', title: 'Mini program' },
  { id: 'merchant', title: 'Merchant server' },
  { id: 'platform', title: 'Platform' },
];
const LEFT = 96;
const LANE_GAP = 300;
const TOP = 44;
const STEP = 26;
const NOTE_WIDTH = 180;
const laneX = (id) => LEFT + LANE_GAP * LANES.findIndex((lane) => lane.id === id);
const laneTitle = (id) => LANES.find((lane) => lane.id === id)?.title ?? id;

function svg(tag, attributes = {}, text = undefined) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Every arrow of the timeline, in time order (an answer after its request). */
export function messagesOf(timeline) {
  return timeline
    .flatMap((entry) => entry.messages.map((message, index) => ({ ...message, entry, index })))
    .sort((a, b) => a.at - b.at || a.entry.seq - b.entry.seq || a.index - b.index);
}

function drawing(messages) {
  const width = LEFT + LANE_GAP * (LANES.length - 1) + 120;
  const height = TOP + STEP * messages.length + 16;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'aria-hidden': 'true',
  });
  const marker = svg('marker', {
    id: 'arrowhead',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 8,
    markerHeight: 8,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }));
  const defs = svg('defs');
  defs.append(marker);
  root.append(defs);
  for (const lane of LANES) {
    const x = laneX(lane.id);
    root.append(
      svg('text', { x, y: 18, class: 'lane-title', 'text-anchor': 'middle' }, lane.title),
    );
    root.append(svg('line', { x1: x, y1: 28, x2: x, y2: height - 4, class: 'lifeline' }));
  }
  messages.forEach((message, i) => {
    const y = TOP + STEP * i;
    const refused = message.entry.refusal;
    root.append(svg('text', { x: 4, y: y + 4, class: 'seq-time' }, formatTime(message.at)));
    const from = laneX(message.from);
    const to = laneX(message.to);
    if (from === to) {
      // Notes sit right of their lane, left of the last one.
      const left = from === laneX(LANES[LANES.length - 1].id) ? from - 6 - NOTE_WIDTH : from + 6;
      root.append(
        svg('rect', {
          x: left,
          y: y - 11,
          width: NOTE_WIDTH,
          height: 18,
          rx: 3,
          class: 'seq-note',
        }),
      );
      root.append(svg('text', { x: left + 6, y: y + 2, class: 'note-text' }, message.label));
      return;
    }
    root.append(
      svg('line', {
        x1: from,
        y1: y,
        x2: to,
        y2: y,
        class: refused ? 'arrow refused' : 'arrow',
        'marker-end': 'url(#arrowhead)',
      }),
    );
    const label = svg(
      'text',
      { x: (from + to) / 2, y: y - 5, 'text-anchor': 'middle' },
      message.label,
    );
    label.setAttribute('class', refused ? 'arrow-label refused' : 'arrow-label');
    root.append(label);
  });
  return root;
}

/** A list of the same messages for screen readers (and for reading them as text). */
function textList(messages) {
  const list = element('ol', { class: 'visually-hidden', 'aria-label': 'Messages' });
  for (const message of messages) {
    const route =
      message.from === message.to
        ? `${laneTitle(message.from)} (note)`
        : `${laneTitle(message.from)} → ${laneTitle(message.to)}`;
    list.append(element('li', {}, `${formatTime(message.at)} ${route}: ${message.label}`));
  }
  return list;
}

/** The sequence view of one item: three lanes and the messages between them, in time order. */
export function createSequence({ section, heading, body, hide }) {
  let shownId;
  function render(item, timeline) {
    const messages = messagesOf(timeline);
    heading.textContent = `Sequence of ${item.id}`;
    const figure = element('figure', {
      role: 'img',
      'aria-label': `Sequence of ${item.id}: ${messages.length} messages between the mini program, the merchant server and the platform`,
    });
    figure.append(drawing(messages));
    body.replaceChildren(figure, textList(messages));
  }
  hide.addEventListener('click', () => {
    shownId = undefined;
    section.hidden = true;
  });
  return {
    show(data) {
      shownId = data.item.id;
      render(data.item, data.timeline);
      section.hidden = false;
      section.scrollIntoView({ block: 'nearest' });
    },
    /** Redraws when the shown item changed (or is gone after a re-sync). */
    refresh(lookup) {
      if (shownId === undefined) return;
      const data = lookup(shownId);
      if (data) render(data.item, data.timeline);
      else {
        shownId = undefined;
        section.hidden = true;
      }
    },
    get shownId() {
      return shownId;
    },
  };
}

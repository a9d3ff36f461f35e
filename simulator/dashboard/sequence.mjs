import { element, formatTime } from './format.mjs';
import { messagesOf } from './sequence-messages.mjs';

const SVG = 'http://www.w3.org/2000/svg';
export const LANES = [
  { id: 'phone', title: 'Mini program (cashier)' },
  { id: 'merchant', title: 'Merchant server' },
  { id: 'wechat', title: 'WeChat Pay (simulator)' },
];
const TIME_COLUMN = 96;
const MARGIN = 150;
const TOP = 44;
const STEP = 26;
const NOTE_WIDTH = 260;

function svg(tag, attributes = {}, text = undefined) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const laneTitle = (id) => LANES.find((lane) => lane.id === id)?.title ?? id;

/** The drawing, as wide as `width`: the lanes spread over it, the time on the left. */
function drawing(messages, width) {
  const span = Math.max(width - TIME_COLUMN - 2 * MARGIN, 300);
  const laneX = (id) =>
    TIME_COLUMN + MARGIN + (span * LANES.findIndex((lane) => lane.id === id)) / (LANES.length - 1);
  const height = TOP + STEP * messages.length + 16;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
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
  messages.forEach((message, index) => {
    const y = TOP + STEP * index;
    root.append(svg('text', { x: 4, y: y + 4, class: 'seq-time' }, formatTime(message.at)));
    const from = laneX(message.from);
    const to = laneX(message.to);
    if (from === to) {
      const left = from - NOTE_WIDTH - 8;
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
    const refused = message.refused ? ' refused' : '';
    root.append(
      svg('line', {
        x1: from,
        y1: y,
        x2: to,
        y2: y,
        class: `arrow${refused}`,
        'marker-end': 'url(#arrowhead)',
      }),
    );
    root.append(
      svg(
        'text',
        { x: (from + to) / 2, y: y - 5, 'text-anchor': 'middle', class: `arrow-label${refused}` },
        message.label,
      ),
    );
  });
  return root;
}

/** The same messages as a list, for screen readers and for reading them as text. */
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

/** The sequence view of one order, redrawn when its data changes or the page is resized. */
export function createSequence({ section, heading, body, hide, data }) {
  let shown;
  function render() {
    if (shown === undefined) return;
    const row = data().transaction(shown);
    if (!row) {
      shown = undefined;
      section.hidden = true;
      return;
    }
    const messages = messagesOf(shown, data());
    heading.textContent = `Sequence of ${row.outTradeNo}`;
    const figure = element('figure', {
      role: 'img',
      'aria-label': `Sequence of ${row.outTradeNo}: ${messages.length} messages between the mini program, the merchant server and WeChat Pay`,
    });
    body.replaceChildren(figure, textList(messages));
    figure.append(drawing(messages, Math.max(figure.clientWidth, 640)));
  }
  hide.addEventListener('click', () => {
    shown = undefined;
    section.hidden = true;
  });
  let width = 0;
  new ResizeObserver(([entry]) => {
    if (Math.round(entry.contentRect.width) === width) return;
    width = Math.round(entry.contentRect.width);
    render();
  }).observe(section);
  return {
    show(key) {
      shown = key;
      section.hidden = false;
      render();
      section.scrollIntoView({ block: 'nearest' });
    },
    refresh: render,
  };
}

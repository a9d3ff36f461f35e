/** Formatting shared by the dashboard's modules: one time zone throughout, Beijing time. */

export const TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(ms) {
  const found = {};
  for (const part of parts.formatToParts(new Date(ms))) found[part.type] = part.value;
  return found;
}

/** `18:57:10.250` in Beijing time. */
export function formatTime(ms) {
  const { hour, minute, second } = fields(ms);
  return `${hour}:${minute}:${second}.${String(Math.floor(ms) % 1000).padStart(3, '0')}`;
}

/** `12-05 18:57:10` in Beijing time. */
export function formatShortDateTime(ms) {
  const { month, day, hour, minute, second } = fields(ms);
  return `${month}-${day} ${hour}:${minute}:${second}`;
}

/** `2026-12-05 18:57:10` in Beijing time. */
export function formatDateTime(ms) {
  const { year, month, day, hour, minute, second } = fields(ms);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** A duration as people say it: `45 s`, `3 min`, `2 h 5 min`, `1 day 2 h`. */
export function formatDuration(ms) {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24 ? ` ${hours % 24} h` : '';
  return `${days} ${days === 1 ? 'day' : 'days'}${rest}`;
}

/** Fen as yuan: `1.00 CNY`. */
export function formatAmount(amount, currency) {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

/** `document.createElement` with attributes and text. */
export function element(tag, attributes = {}, text = undefined) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Small formatting helpers shared by the dashboard's modules. */

const pad = (value, width = 2) => String(value).padStart(width, '0');

/** `14:03:07.250`, local time. */
export function formatTime(ms) {
  const date = new Date(ms);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Fen as yuan: `39.00 CNY`. */
export function formatAmount(amount, currency) {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

/** `document.createElement` with text and attributes. */
export function element(tag, attributes = {}, text = undefined) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

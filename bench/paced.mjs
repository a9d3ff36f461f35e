/** Calls `fn` on each of `items`, `perMs` of them per millisecond (one timer tick). */
export async function paced(items, perMs, fn) {
  for (let i = 0; i < items.length; i += perMs) {
    for (const item of items.slice(i, i + perMs)) fn(item);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

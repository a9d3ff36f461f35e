/**
 * One cashier per host. A host shows one payment sheet at a time, and a second
 * `requestPayment` while one is open either fails or stacks a second sheet over the first,
 * depending on the host. So whoever opens a sheet takes the host first, and frees it once the
 * sheet is gone: it answered, its timeout passed, or its owner knows it closed without a
 * callback. A caller's abort frees the caller, not the host: the sheet is still on screen.
 *
 * The lock lives in this module. A bundle that holds both the ESM and the CJS build of the
 * library (a Node test loading it through `import` and `require`) holds two locks: a cashier
 * opened through one build does not make the other busy. Mini programs load only
 * `miniprogram_dist`, and bundlers resolve the package once, so an app has one lock.
 */
const takenHosts = new WeakSet<object>();

/** Frees a host taken with {@link takeHost}; calling it again does nothing. */
export type ReleaseHost = () => void;

/** Takes `host` for one cashier: the function that frees it, or undefined when it is taken. */
export function takeHost(host: object): ReleaseHost | undefined {
  if (takenHosts.has(host)) return undefined;
  takenHosts.add(host);
  let held = true;
  // Once only: a second call must not free the host for someone who took it since.
  return () => {
    if (held) takenHosts.delete(host);
    held = false;
  };
}

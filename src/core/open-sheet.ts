import { failureDetails as say } from './failure-details';
import { normalizeOutcome } from './normalize-outcome';
import { type HostChannel, type PaymentOutcome, refusal } from './outcome';
import { hostThrew, type ReadyCall } from './plan-host-call';

/**
 * Opens the sheet of a ready call and waits for its answer, whatever the host does: throw,
 * answer twice, answer only on `complete`, through a returned promise, or never. Calls `onEnd`
 * once, at once: with the host's first real answer, `host_error` when opening the sheet threw,
 * or `timeout` once `timeoutMs` passed without an answer. Returns the function that stops
 * waiting (`onEnd` is then never called).
 */
export function openSheet(
  { host, api, open, params, timeoutMs }: ReadyCall,
  onEnd: (outcome: PaymentOutcome) => void,
): () => void {
  let waiting = true;
  const stop = () => {
    waiting = false;
    clearTimeout(timer);
  };
  const end = (outcome: PaymentOutcome) => {
    if (!waiting) return;
    stop();
    onEnd(outcome);
  };
  const timer = setTimeout(() => end(refusal('timeout', say.timeout(timeoutMs))), timeoutMs);
  const reply = answerHandler(end);
  let returned: unknown;
  try {
    returned = open.call(host, {
      ...params,
      success: reply('success'),
      fail: reply('fail'),
      complete: reply('complete'),
    });
  } catch (error) {
    end(hostThrew(`Calling wx.${api}`, error));
  }
  try {
    // Promisified hosts (framework wrappers) may ignore the callbacks and return a promise.
    const then = (returned as PromiseLike<unknown> | undefined)?.then;
    if (typeof then === 'function') then.call(returned, reply('success'), reply('fail'));
  } catch (error) {
    end(hostThrew(`Reading what wx.${api} returned`, error));
  }
  return stop;
}

/**
 * The host's callbacks: the first real answer ends the wait. An empty answer may be followed
 * by a real one in the same turn (`fail` with nothing, then `complete` with the reason), so it
 * waits one microtask.
 */
function answerHandler(end: (outcome: PaymentOutcome) => void) {
  let emptyAnswer: PaymentOutcome | undefined;
  return (channel: HostChannel) => (raw: unknown) => {
    const outcome = normalizeOutcome(raw, channel);
    if (outcome.errMsg || outcome.status !== 'failed') end(outcome);
    else if (!emptyAnswer) {
      emptyAnswer = outcome;
      Promise.resolve(outcome).then(end);
    }
  };
}

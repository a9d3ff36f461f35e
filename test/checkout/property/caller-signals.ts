// The caller's signals of the property tests: usable ones and ones the library must refuse.
import type { AbortSignalLike } from 'miniprogram-pay';
import { countingSignal } from '../helpers';

export type SignalKind =
  | 'counting'
  | 'controller'
  | 'none'
  | 'no-remove'
  | 'proxy'
  | 'no-add'
  | 'throwing-add'
  | 'throwing-aborted';

/** A caller's signal of the given kind, how to abort it, and how many listeners it holds. */
export function makeSignal(kind: SignalKind) {
  const counting = countingSignal();
  const usable = {
    signal: counting.signal,
    abort: counting.abort,
    listeners: () => counting.listeners,
    usable: true,
  };
  switch (kind) {
    case 'counting':
      return usable;
    case 'proxy':
      return { ...usable, signal: new Proxy(counting.signal, {}) };
    case 'controller': {
      const controller = new AbortController();
      return {
        signal: controller.signal,
        abort: () => controller.abort(),
        listeners: () => 0,
        usable: true,
      };
    }
    case 'none':
      return { signal: undefined, abort: () => {}, listeners: () => 0, usable: true };
    case 'no-remove': {
      const signal = { aborted: false, addEventListener: counting.signal.addEventListener };
      return {
        signal: signal as AbortSignalLike,
        abort: counting.abort,
        listeners: () => 0,
        usable: true,
      };
    }
    case 'no-add':
      return {
        signal: { aborted: false } as AbortSignalLike,
        abort: () => {},
        listeners: () => 0,
        usable: false,
      };
    case 'throwing-add': {
      const signal = {
        aborted: false,
        addEventListener: () => {
          throw new Error('addEventListener broke');
        },
      };
      return { signal, abort: () => {}, listeners: () => 0, usable: false };
    }
    case 'throwing-aborted': {
      const signal = {
        get aborted(): boolean {
          throw new Error('aborted broke');
        },
        addEventListener: () => {},
      };
      return { signal, abort: () => {}, listeners: () => 0, usable: false };
    }
  }
}

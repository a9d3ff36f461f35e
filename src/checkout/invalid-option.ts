import { optionError } from '../shared/option-error';

/** The tag every message the main entry throws starts with. */
export const TAG = '[miniprogram-pay]';

/** Throws the TypeError of a bad option of `api` (`createCheckout`, `httpBackend`). */
export function invalidOption(api: string, name: string, expected: string, value: unknown): never {
  throw optionError(TAG, api, name, expected, value);
}

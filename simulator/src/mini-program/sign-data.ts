import { isRecord } from '../lib/json';

/**
 * A signData (virtual and B2b payment sign it byte for byte) as a JSON object; undefined when
 * it is not one.
 */
export function parseSignData(signData: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(signData);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

import { describeValue } from '../lib/json';
import { returnFail } from './refusal';

/** What a field's text must be. */
export interface V2Rule {
  /** Longest, in UTF-8 bytes (WeChat Pay's `String(n)`). */
  readonly maxBytes: number;
  /** A pattern the whole value must match, and how a message says it. */
  readonly pattern?: { readonly test: RegExp; readonly says: string };
}

/**
 * The fields of an API v2 request (all text, as XML carries them). A missing one is refused
 * `缺少参数`, a malformed one `参数格式错误`, each naming the field (`return_code` FAIL).
 */
export class V2Fields {
  constructor(private readonly values: Readonly<Record<string, string>>) {}

  /** The field as sent; an empty field counts as absent, as in the signature. */
  raw(name: string): string | undefined {
    const value = this.values[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Every field but `sign`, as the signature covers them. */
  signed(): Record<string, string> {
    const { sign: _sign, ...rest } = this.values;
    return rest;
  }

  all(): Readonly<Record<string, string>> {
    return this.values;
  }

  required(name: string, rule: V2Rule, why = ''): string {
    const value = this.optional(name, rule);
    if (value === undefined) throw returnFail('LACK_PARAMS', `${name} is required${why}.`);
    return value;
  }

  optional(name: string, rule: V2Rule): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (Buffer.byteLength(value, 'utf8') > rule.maxBytes) {
      throw returnFail('PARAM_ERROR', `${name} must be at most ${rule.maxBytes} bytes (UTF-8).`);
    }
    if (rule.pattern && !rule.pattern.test.test(value)) {
      throw returnFail(
        'PARAM_ERROR',
        `${name} must be ${rule.pattern.says}; got ${describeValue(value)}.`,
      );
    }
    return value;
  }

  /** A whole number of fen, e.g. `total_fee`. */
  requiredInteger(name: string, min: number, max: number): number {
    const text = this.required(name, { maxBytes: 16 });
    const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw returnFail(
        'PARAM_ERROR',
        `${name} must be an integer from ${min} to ${max}; got ${describeValue(text)}.`,
      );
    }
    return value;
  }
}

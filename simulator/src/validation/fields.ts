import { type ErrorDetail, paramError } from '../errors/wechat-error';
import { describeValue, isRecord } from '../lib/json';

/** What a string field must be. */
export interface StringRule {
  /** Longest, in UTF-8 bytes (WeChat Pay's `string(n)`). */
  readonly maxBytes: number;
  /** Shortest, in characters. @default 1 */
  readonly minLength?: number;
  /** A pattern the whole value must match, and how a message says it. */
  readonly pattern?: { readonly test: RegExp; readonly says: string };
}

/**
 * Reads the fields of a JSON object (a body, a query, a nested object), refusing a missing or
 * malformed one with 400 PARAM_ERROR that names it by its path, e.g. `amount.total`.
 */
export class Fields {
  private constructor(
    private readonly values: Record<string, unknown>,
    private readonly prefix: string,
    private readonly location: ErrorDetail['location'],
  ) {}

  /** The fields of `value`, which must be an object; `name` is how messages call it. */
  static of(value: unknown, name: string, location: ErrorDetail['location'] = 'body'): Fields {
    if (!isRecord(value)) {
      throw paramError(
        name,
        `${name} must be a JSON object; got ${describeValue(value)}.`,
        location,
      );
    }
    return new Fields(value, name === 'body' || name === 'query' ? '' : `${name}.`, location);
  }

  /** The full path of a field, as messages name it. */
  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.values[name];
  }

  requiredString(name: string, rule: StringRule): string {
    const value = this.optionalString(name, rule);
    if (value === undefined) throw this.error(name, `${this.path(name)} is required.`);
    return value;
  }

  optionalString(name: string, rule: StringRule): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const path = this.path(name);
    if (typeof value !== 'string') {
      throw this.error(name, `${path} must be a string; got ${describeValue(value)}.`);
    }
    if (value.length < (rule.minLength ?? 1)) {
      throw this.error(name, `${path} must not be empty.`);
    }
    if (Buffer.byteLength(value, 'utf8') > rule.maxBytes) {
      throw this.error(name, `${path} must be at most ${rule.maxBytes} bytes (UTF-8).`);
    }
    if (rule.pattern && !rule.pattern.test.test(value)) {
      throw this.error(name, `${path} must be ${rule.pattern.says}; got ${describeValue(value)}.`);
    }
    return value;
  }

  /** An array of `min` to 100 strings, each following `rule`. */
  requiredStringList(name: string, rule: StringRule, min: number): string[] {
    const value = this.values[name];
    const path = this.path(name);
    if (!Array.isArray(value) || value.length < min || value.length > 100) {
      throw this.error(
        name,
        `${path} must be an array of ${min} to 100 strings; got ${describeValue(value)}.`,
      );
    }
    return value.map((item: unknown, index) =>
      new Fields({ item }, '', this.location).requiredStringNamed(
        'item',
        `${path}[${index}]`,
        rule,
      ),
    );
  }

  private requiredStringNamed(name: string, shownAs: string, rule: StringRule): string {
    try {
      return this.requiredString(name, rule);
    } catch {
      throw paramError(
        shownAs,
        `${shownAs} must be ${rule.pattern?.says ?? 'a string'} of at most ${rule.maxBytes} bytes; got ${describeValue(this.values[name])}.`,
        this.location,
      );
    }
  }

  requiredInteger(name: string, min: number, max: number): number {
    const value = this.values[name];
    const path = this.path(name);
    if (value === undefined) throw this.error(name, `${path} is required.`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw this.error(
        name,
        `${path} must be an integer from ${min} to ${max}; got ${describeValue(value)}.`,
      );
    }
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || typeof value === 'boolean') return value;
    throw this.error(
      name,
      `${this.path(name)} must be true or false; got ${describeValue(value)}.`,
    );
  }

  requiredObject(name: string): Fields {
    if (this.values[name] === undefined) {
      throw this.error(name, `${this.path(name)} is required.`);
    }
    return Fields.of(this.values[name], this.path(name), this.location);
  }

  /** A JSON object field as it is (the cashier's `params`, checked by each host API). */
  requiredRecord(name: string): Readonly<Record<string, unknown>> {
    this.requiredObject(name);
    return this.values[name] as Record<string, unknown>;
  }

  optionalObject(name: string): Fields | undefined {
    return this.values[name] === undefined
      ? undefined
      : Fields.of(this.values[name], this.path(name), this.location);
  }

  /** A field that must be one of `choices`. */
  optionalChoice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
      return value as T;
    }
    throw this.error(
      name,
      `${this.path(name)} must be one of ${choices.join(', ')}; got ${describeValue(value)}.`,
    );
  }

  /** Refuses any field not in `known`, naming the first one (for the simulator's own routes). */
  onlyKnown(known: readonly string[]): void {
    const unknown = Object.keys(this.values).find((name) => !known.includes(name));
    if (unknown !== undefined) {
      throw this.error(
        unknown,
        `${this.path(unknown)} is not a field here; the fields are ${known.join(', ')}.`,
      );
    }
  }

  error(name: string, message: string) {
    return paramError(this.path(name), message, this.location);
  }
}

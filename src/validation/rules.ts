import type { ParamIssue } from '../core/outcome';

/**
 * A field, the pattern its text must match, what it should have been, and which types it may
 * have: `s` string, `n` number (matched by its digits), `?` may be absent.
 */
export type Rule = readonly [field: string, pattern: RegExp, expected: string, types: string];

/** The issues of `input` against `rules`, fields named with `prefix`. */
export function check(
  input: Record<string, unknown>,
  rules: readonly Rule[],
  prefix = '',
): ParamIssue[] {
  const issues: ParamIssue[] = [];
  for (const [field, pattern, expected, types] of rules) {
    const value = input[field];
    const type = typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : String(value);
    const valid =
      value === undefined
        ? types.indexOf('?') >= 0
        : types.indexOf(type) >= 0 && pattern.test(String(value));
    if (!valid) {
      const got =
        type === 's'
          ? JSON.stringify((value as string).slice(0, 40))
          : type === 'n'
            ? value
            : typeof value;
      issues.push({ field: prefix + field, message: `expected ${expected}, got ${got}` });
    }
  }
  return issues;
}

/** The object's own fields, or none when it is not a plain object. */
export const fieldsOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  fieldsOf(value) === value;

/** A short, safe description of any value for an error message. */
export function describeValue(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.slice(0, 40))
    : value === null
      ? 'null'
      : typeof value;
}

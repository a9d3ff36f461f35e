import type { ParamIssue } from '../core/outcome';

/**
 * A field, the pattern its text must match, what it should have been (`''`: the pattern says
 * it), and the types it may have, as `typeof` names (`'string number'`); `undefined` among
 * them makes it optional.
 */
export type Rule = readonly [field: string, pattern: RegExp, expected: string, types: string];

/** The issues of `input` against `rules`, fields named with `prefix`. */
export function check(
  input: Record<string, unknown>,
  rules: readonly Rule[],
  prefix = '',
): ParamIssue[] {
  return rules
    .filter(
      ([field, pattern, , types]) =>
        !types.includes(typeof input[field]) ||
        (input[field] !== undefined && !pattern.test(input[field] as string)),
    )
    .map(([field, pattern, expected]) => ({
      field: prefix + field,
      message: `expected ${expected || pattern}, got ${describeValue(input[field])}`,
    }));
}

/** The object's own fields, or none when it is not a plain object. */
export const fieldsOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** A short, safe description of any value for an error message. */
export function describeValue(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.slice(0, 40))
    : typeof value === 'number' || value === null
      ? String(value)
      : typeof value;
}

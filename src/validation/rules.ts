import type { ParamIssue } from '../core/outcome';
import { isArray } from '../shared/values';
import { mustBeMessage, unreadableMessage } from './must-be';

/** The kind of value a field may hold; `undefined` among them makes it optional. */
type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'undefined';

/**
 * One field's rule: its name, what it must be (completing "<field> must be …"), the types it
 * may have, and the pattern its text must match. A number is matched by its digits, so
 * `/^\d+$/` also refuses fractions and negative numbers.
 */
export interface FieldRule {
  readonly field: string;
  readonly mustBe: string;
  readonly types: readonly FieldType[];
  readonly pattern: RegExp;
}

export const STRING: readonly FieldType[] = ['string'];
export const OPTIONAL_STRING: readonly FieldType[] = ['string', 'undefined'];
export const NUMBER: readonly FieldType[] = ['number'];
export const OPTIONAL_NUMBER: readonly FieldType[] = ['number', 'undefined'];
export const STRING_OR_NUMBER: readonly FieldType[] = ['string', 'number'];
export const OBJECT: readonly FieldType[] = ['object'];
export const OPTIONAL_OBJECT: readonly FieldType[] = ['object', 'undefined'];

/** The kind of a value, as rules name it: `null` and arrays are not objects. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return isArray(value) ? 'array' : typeof value;
}

/** A string that is not empty. */
export const NON_EMPTY = /./;

/**
 * Reads every field of `input` once and checks it: the values given (a field left out has no
 * key, so the host receives none), and the issues, fields named with `prefix`. A throwing
 * getter or Proxy trap becomes an issue, never a throw.
 */
export function checkFields(input: object, rules: readonly FieldRule[], prefix = '') {
  const values: Record<string, unknown> = {};
  const issues: ParamIssue[] = [];
  for (const { field, mustBe, types, pattern } of rules) {
    const name = prefix + field;
    try {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) values[field] = value;
      // Objects and arrays are checked by their kind alone (their own fields have rules of their own).
      const valid =
        types.indexOf(kindOf(value) as FieldType) >= 0 &&
        (value === undefined || typeof value === 'object' || pattern.test(String(value)));
      if (!valid) issues.push({ field: name, message: mustBeMessage(name, mustBe, value) });
    } catch (error) {
      issues.push({ field: name, message: unreadableMessage(name, error) });
    }
  }
  return { values, issues };
}

/** Whether `input[key]` is undefined; a field that cannot be read counts as given. */
export function isLeftOut(input: object, key: string): boolean {
  try {
    return (input as Record<string, unknown>)[key] === undefined;
  } catch {
    return false;
  }
}

import type { ParamIssue } from '../core/outcome';
import { isRecord } from '../shared/values';
import { mustBeMessage, SIGN_DATA_MUST_BE, signDataMessage, unreadableMessage } from './must-be';
import { checkFields, type FieldRule } from './rules';

/**
 * `signData` as the host receives it, checked: the caller's string byte for byte (re-serialising
 * it breaks the signature), or an object serialised once; then its fields against `rules`.
 * Virtual payment and B2b payment sign it the same way.
 */
export function readSignData(
  input: object,
  rules: readonly FieldRule[],
  /** Rules of an object field's own fields (B2b's `amount`). */
  nested: { readonly [field: string]: readonly FieldRule[] } = {},
): { text: unknown; issues: ParamIssue[] } {
  const refused = (message: string) => ({
    text: undefined,
    issues: [{ field: 'signData', message }],
  });
  let given: unknown;
  let fields: unknown;
  let text: unknown;
  try {
    given = (input as { signData?: unknown }).signData;
  } catch (error) {
    return refused(unreadableMessage('signData', error));
  }
  try {
    fields = typeof given === 'string' ? JSON.parse(given) : given;
    text = typeof given === 'string' ? given : JSON.stringify(given);
  } catch (error) {
    return refused(signDataMessage(given, error));
  }
  if (!isRecord(fields)) return refused(mustBeMessage('signData', SIGN_DATA_MUST_BE, given));
  const checked = checkFields(fields, rules, 'signData.');
  let issues = checked.issues;
  for (const field of Object.keys(nested)) {
    const value = checked.values[field];
    if (isRecord(value))
      issues = issues.concat(checkFields(value, nested[field] ?? [], `signData.${field}.`).issues);
  }
  return { text, issues };
}

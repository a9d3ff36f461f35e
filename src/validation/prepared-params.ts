import type { ParamIssue } from '../core/outcome';

/** Validated parameters: exactly what the host receives, and the fields that are wrong. */
export interface PreparedParams {
  readonly issues: ParamIssue[];
  readonly value: object;
}

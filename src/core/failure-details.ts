import { describeThrown } from '../shared/values';
import type { ParamIssue } from './outcome';

/**
 * The developer-facing messages of a host call: sentences for a log that say what happened,
 * and what to do when it is not obvious. They become the `detail` of a failed outcome.
 */
export const failureDetails = {
  noHost: 'No host: the global wx is missing and no host option was given.',
  noApi: (api: string) =>
    `The host has no wx.${api} (an old base library, or not on this platform).`,
  canIUseSaysNo: (api: string) => `wx.canIUse('${api}') answered false.`,
  busy: 'A cashier is already open on this host.',
  timeout: (ms: number) =>
    `No callback within ${ms} ms; the cashier may still be open: confirm the order.`,
  abortedBefore: 'Aborted before the cashier opened.',
  abortedDuring: 'Aborted with the cashier open; the user may still pay: confirm the order.',
  /** `Calling wx.requestPayment threw TypeError: …` */
  threw: (step: string, thrown: unknown) => `${step} threw ${describeThrown(thrown)}.`,
  invalid: (issues: ParamIssue[]) =>
    `Invalid parameters: ${issues.map((issue) => issue.message).join('; ')}.`,
};

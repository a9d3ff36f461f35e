export { describeResult } from './describe-result';
export type { MessageLocale, ResultMessage } from './types';

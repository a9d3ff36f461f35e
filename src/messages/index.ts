export { describeResult } from './describe-result';
export type { DescribeOptions, MessageLocale, ResultMessage } from './types';

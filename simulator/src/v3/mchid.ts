import { paramError } from '../errors/wechat-error';

/**
 * A body's or query's merchant id must be the one that signed (Authorization's mchid), as
 * WeChat Pay checks: 400 PARAM_ERROR otherwise.
 */
export function requireHeaderMchid(
  value: string,
  signerMchid: string,
  field: string,
  location: 'body' | 'query' = 'body',
): void {
  if (value !== signerMchid) {
    throw paramError(
      field,
      `${field} ${value} in the ${location} is not the mchid of the Authorization header (${signerMchid}); the merchant that signs is the merchant that orders.`,
      location,
    );
  }
}

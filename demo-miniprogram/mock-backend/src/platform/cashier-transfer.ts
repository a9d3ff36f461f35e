import type { CashierRequest, CashierServices } from './cashier-types';
import { transferCallbacks } from './family-callbacks';
import type { HostCallback } from './host-callbacks';

/**
 * wx.requestMerchantTransfer: `package` must be the package_info of a bill waiting for THIS
 * user's confirmation (WAIT_USER_CONFIRM), with its mchId and appId, and its openId when
 * given; anything else (a stale or altered package, a bill no longer waiting, another user) is
 * `package_info信息有误`. `cancel` ("Not now") leaves the bill waiting; `pay` confirms it and
 * the bill ends SUCCESS; `fail` ends it FAIL. Each end is notified to the merchant.
 */
export async function requestMerchantTransfer(
  services: CashierServices,
  request: CashierRequest,
): Promise<HostCallback> {
  const { params } = request;
  for (const name of ['mchId', 'appId', 'package']) {
    if (typeof params[name] !== 'string') return transferCallbacks.wrongType(name, params[name]);
  }
  const { openId } = params;
  if (openId !== undefined && typeof openId !== 'string') {
    return transferCallbacks.wrongType('openId', openId);
  }
  const { transfers } = services;
  const bill = transfers.findByPackage(params.package as string);
  if (
    !bill ||
    !transfers.isWaiting(bill) ||
    bill.mchId !== params.mchId ||
    bill.appId !== params.appId ||
    (openId !== undefined && openId !== bill.openid) ||
    (request.openid !== undefined && request.openid !== bill.openid)
  ) {
    return transferCallbacks.badPackage();
  }
  switch (request.action) {
    case 'cancel':
      return transferCallbacks.cancel();
    case 'fail':
      await transfers.fail(bill, request.plan);
      return transferCallbacks.failed();
    case 'pay':
      await transfers.confirm(bill, request.plan);
      return transferCallbacks.ok();
  }
}

import type { SimulatorServices } from '../plugins/services';
import type { TransferBillRecord } from '../transfers/transfer-bill';
import type { CashierRequest } from './cashier';
import { type HostCallback, wrongType } from './host-callbacks';

const API = 'requestMerchantTransfer';

/** What wx.requestMerchantTransfer delivers: its ok means the user confirmed on the page. */
const transferCallbacks = {
  ok: (): HostCallback => ({ errMsg: `${API}:ok` }),
  cancel: (): HostCallback => ({ errMsg: `${API}:fail cancel` }),
  failed: (): HostCallback => ({ errMsg: `${API}:fail 转账失败` }),
  wrongType: (name: string, value: unknown): HostCallback => wrongType(API, name, value, 1001),
  /** Seen in the wild: a package that is not a bill waiting for this user. */
  badPackage: (): HostCallback => ({ errMsg: `${API}:fail package_info信息有误` }),
};

/**
 * wx.requestMerchantTransfer's confirmation page: `mchId`, `appId` and `package` are strings
 * (`openId` too when given), and `package` is the package_info of a bill waiting for this
 * user's confirmation (WAIT_USER_CONFIRM) with that mchId and appId; anything else (a stale
 * or altered package, a bill cancelled, expired or ended, another user) is
 * `package_info信息有误`. `cancel` ("not now") leaves the bill waiting; `pay` confirms it
 * (SUCCESS); `fail` ends it FAIL. Each end is notified to the merchant.
 */
export async function requestMerchantTransfer(
  request: CashierRequest,
  sim: SimulatorServices,
): Promise<HostCallback> {
  const { params } = request;
  for (const name of ['mchId', 'appId', 'package']) {
    if (typeof params[name] !== 'string') return transferCallbacks.wrongType(name, params[name]);
  }
  const { openId } = params;
  if (openId !== undefined && typeof openId !== 'string') {
    return transferCallbacks.wrongType('openId', openId);
  }
  const bill = sim.transfers.findByPackage(params.package as string);
  if (!bill) return transferCallbacks.badPackage();
  const answer = await decide(request, sim, bill);
  await sim.transfers.noteCashier(bill, {
    api: request.api,
    action: request.action,
    errMsg: answer.errMsg,
    at: sim.clock.now(),
  });
  return answer;
}

async function decide(
  request: CashierRequest,
  sim: SimulatorServices,
  bill: TransferBillRecord,
): Promise<HostCallback> {
  const { params } = request;
  const users = [params.openId, request.openid];
  const forThisUser = users.every((openid) => openid === undefined || openid === bill.openid);
  const fromThisApp = request.appId === undefined || request.appId === bill.appid;
  if (
    bill.state !== 'WAIT_USER_CONFIRM' ||
    bill.mchid !== params.mchId ||
    bill.appid !== params.appId ||
    !fromThisApp ||
    !forThisUser
  ) {
    return transferCallbacks.badPackage();
  }
  switch (request.action) {
    case 'cancel':
      return transferCallbacks.cancel();
    case 'fail':
      await sim.transfers.fail(bill, request.plan);
      return transferCallbacks.failed();
    case 'pay':
      await sim.transfers.confirm(bill, request.plan);
      return transferCallbacks.ok();
  }
}

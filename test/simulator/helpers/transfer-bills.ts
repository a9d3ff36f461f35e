import type { Simulator } from '../../../simulator/src/server';
import { APPID, post, type TestMerchant, v3 } from './simulator';

/** The merchant that transfers, and the user it pays. */
export const TRANSFER_MCHID = '1900000401';
export const PAYEE_OPENID = 'o-MYE42l80oelYMDE34nYD456Xoy';
export const BILLS = 'v3/fund-app/mch-transfer/transfer-bills';

let sequence = 0;

/** A fresh out_bill_no (digits and letters only, as WeChat Pay requires). */
export function newOutBillNo(): string {
  sequence += 1;
  return `TB${Date.now()}${sequence}`;
}

/** A 佣金报酬 (1005) transfer of 4 yuan, with the report infos the scene asks for. */
export function transferBillOf(
  outBillNo: string,
  notifyUrl: string,
  extra: Record<string, unknown> = {},
) {
  return {
    appid: APPID,
    out_bill_no: outBillNo,
    transfer_scene_id: '1005',
    openid: PAYEE_OPENID,
    transfer_amount: 400,
    transfer_remark: '2025年4月配送报酬',
    notify_url: notifyUrl,
    user_recv_perception: '劳务报酬',
    transfer_scene_report_infos: [
      { info_type: '岗位类型', info_content: '外卖员' },
      { info_type: '报酬说明', info_content: '4月份配送费' },
    ],
    ...extra,
  };
}

/** What creating a bill answers. */
export interface CreatedBill {
  readonly out_bill_no: string;
  readonly transfer_bill_no: string;
  readonly create_time: string;
  readonly state: string;
  readonly package_info: string;
}

/** 发起转账 through the merchant's SDK, which verifies the answer. */
export async function createBill(merchant: TestMerchant, body: unknown): Promise<CreatedBill> {
  return (await v3<CreatedBill>(merchant, 'post', BILLS, { body })).data;
}

export async function queryBill(
  merchant: TestMerchant,
  outBillNo: string,
): Promise<Record<string, unknown>> {
  return (await v3(merchant, 'get', `${BILLS}/out-bill-no/${outBillNo}`)).data;
}

/** The user on wx.requestMerchantTransfer's page with the bill's package. */
export async function confirmPage(
  simulator: Simulator,
  packageInfo: string,
  action: 'pay' | 'cancel' | 'fail' = 'pay',
  params: Record<string, unknown> = {},
): Promise<unknown> {
  const answer = await post(simulator, '/sim/cashier', {
    api: 'requestMerchantTransfer',
    params: {
      mchId: TRANSFER_MCHID,
      appId: APPID,
      package: packageInfo,
      openId: PAYEE_OPENID,
      ...params,
    },
    action,
  });
  return answer.body;
}

/** What the SDK threw for a refused request: its status and body. */
export async function sdkRefusal(
  request: Promise<unknown>,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const error = await request.then(
    () => {
      throw new Error('the request was expected to be refused');
    },
    (thrown: { response?: { status: number; data: Record<string, unknown> } }) => thrown,
  );
  if (!error.response) throw new Error(`no answer: ${String(error)}`);
  return error.response;
}

import { newPackageInfo, newTransferBillNo, rfc3339Beijing } from '../domain/ids';
import type { PlatformTransferBill } from '../storage/state';
import { payNotificationDelivery } from './notifications/pay-notification';
import type { NotifyPlan, PlatformContext } from './platform-context';

/** Where the platform sends a bill's MCHTRANSFER.BILL.FINISHED (the bill's notify_url). */
export const TRANSFER_NOTIFY_PATH = '/pay/transfer-notify';

/** The body of `POST /v3/fund-app/mch-transfer/transfer-bills`, reduced. */
export interface TransferBillRequest {
  readonly outBillNo: string;
  readonly mchId: string;
  readonly appId: string;
  readonly openid: string;
  readonly amount: number;
  readonly remark: string;
}

/** The bill as WeChat Pay answers it (creation and `GET .../out-bill-no/{no}`). */
export type TransferBillView = {
  readonly mch_id: string;
  readonly appid: string;
  readonly out_bill_no: string;
  readonly transfer_bill_no: string;
  readonly state: PlatformTransferBill['state'];
  readonly transfer_amount: number;
  readonly openid: string;
  readonly create_time: string;
  readonly update_time: string;
  /** Only while the bill is WAIT_USER_CONFIRM. */
  readonly package_info?: string;
  readonly fail_reason?: string;
};

/** The states in which the user can still confirm (or the merchant cancel) a bill. */
const WAITING: readonly PlatformTransferBill['state'][] = [
  'ACCEPTED',
  'PROCESSING',
  'WAIT_USER_CONFIRM',
];

export function transferBillView(bill: PlatformTransferBill): TransferBillView {
  return {
    mch_id: bill.mchId,
    appid: bill.appId,
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    state: bill.state,
    transfer_amount: bill.amount,
    openid: bill.openid,
    create_time: bill.createTime,
    update_time: bill.updateTime,
    ...(bill.state === 'WAIT_USER_CONFIRM' ? { package_info: bill.packageInfo } : {}),
    ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
  };
}

/**
 * The simulated merchant transfer (商家转账, user confirmation mode): a bill waits for the
 * user (WAIT_USER_CONFIRM, with a package_info), who confirms it on WeChat's page; it ends
 * SUCCESS, FAIL or CANCELLED, and each end is notified (MCHTRANSFER.BILL.FINISHED).
 */
export class SimulatedMerchantTransfer {
  constructor(private readonly context: PlatformContext) {}

  find(outBillNo: string): PlatformTransferBill | undefined {
    return this.context.state.transferBills.get(outBillNo);
  }

  /** The bill whose package_info this is, if any. */
  findByPackage(packageInfo: string): PlatformTransferBill | undefined {
    for (const bill of this.context.state.transferBills.values()) {
      if (bill.packageInfo === packageInfo) return bill;
    }
    return undefined;
  }

  /** "发起转账": the bill, waiting for the user's confirmation. */
  async createBill(request: TransferBillRequest): Promise<TransferBillView> {
    const now = this.context.config.now();
    const bill: PlatformTransferBill = {
      outBillNo: request.outBillNo,
      transferBillNo: newTransferBillNo(now),
      mchId: request.mchId,
      appId: request.appId,
      openid: request.openid,
      amount: request.amount,
      remark: request.remark,
      packageInfo: newPackageInfo(),
      createTime: rfc3339Beijing(now),
      updateTime: rfc3339Beijing(now),
      state: 'WAIT_USER_CONFIRM',
    };
    this.context.state.transferBills.set(bill.outBillNo, bill);
    await this.context.commit();
    return transferBillView(bill);
  }

  isWaiting(bill: PlatformTransferBill): boolean {
    return bill.state === 'WAIT_USER_CONFIRM';
  }

  /** The user confirmed: the money moves (TRANSFERING), the bill ends SUCCESS, then its notification. */
  async confirm(bill: PlatformTransferBill, plan: NotifyPlan): Promise<void> {
    bill.state = 'TRANSFERING';
    await this.finish(bill, 'SUCCESS', plan);
  }

  /** The transfer failed after the user confirmed (e.g. the account cannot receive). */
  async fail(bill: PlatformTransferBill, plan: NotifyPlan): Promise<void> {
    bill.failReason = 'PAYEE_ACCOUNT_ABNORMAL';
    await this.finish(bill, 'FAIL', plan);
  }

  /** `GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{no}`. */
  query(outBillNo: string): TransferBillView | undefined {
    const bill = this.find(outBillNo);
    return bill ? transferBillView(bill) : undefined;
  }

  /**
   * `POST .../out-bill-no/{no}/cancel`, before the user confirmed: WeChat answers CANCELING
   * and ends the bill later; this mock ends it at once (CANCELLED, then its notification).
   */
  async cancel(outBillNo: string, plan: NotifyPlan): Promise<'cancelled' | 'finished' | 'unknown'> {
    const bill = this.find(outBillNo);
    if (!bill) return 'unknown';
    if (bill.state === 'CANCELLED') return 'cancelled';
    if (!WAITING.includes(bill.state)) return 'finished';
    bill.state = 'CANCELING';
    await this.finish(bill, 'CANCELLED', plan);
    return 'cancelled';
  }

  private async finish(
    bill: PlatformTransferBill,
    state: 'SUCCESS' | 'FAIL' | 'CANCELLED',
    plan: NotifyPlan,
  ): Promise<void> {
    bill.state = state;
    bill.updateTime = rfc3339Beijing(this.context.config.now());
    await this.context.commit();
    const delivery = payNotificationDelivery(
      this.context,
      'transfer',
      bill.outBillNo,
      'MCHTRANSFER.BILL.FINISHED',
      transferBillResource(bill),
      TRANSFER_NOTIFY_PATH,
    );
    if (plan.drop) this.context.notifier.drop(delivery);
    else this.context.notifier.schedule(delivery, plan.delayMs);
  }
}

/** The decrypted resource of MCHTRANSFER.BILL.FINISHED. */
export function transferBillResource(bill: PlatformTransferBill): Record<string, unknown> {
  return {
    out_bill_no: bill.outBillNo,
    transfer_bill_no: bill.transferBillNo,
    state: bill.state,
    mch_id: bill.mchId,
    transfer_amount: bill.amount,
    openid: bill.openid,
    ...(bill.failReason ? { fail_reason: bill.failReason } : {}),
    create_time: bill.createTime,
    update_time: bill.updateTime,
  };
}

import type { Scheduler } from '../clock/scheduler';
import { WeChatError } from '../errors/wechat-error';
import type { NotifyPlan } from '../notifications/notifier';
import type { CashierNote } from '../payments/order';
import {
  newPackageInfo,
  newTransferBillNo,
  type TransferBillEnd,
  type TransferBillRecord,
  transferBillKey,
} from './transfer-bill';

/** A new bill's fields: the record without what the book fills in. */
export type NewTransferBill = Omit<
  TransferBillRecord,
  | 'key'
  | 'transferBillNo'
  | 'packageInfo'
  | 'createdAt'
  | 'state'
  | 'failReason'
  | 'updatedAt'
  | 'taskId'
  | 'lastCashier'
>;

export interface TransferBookOptions {
  readonly bills: Map<string, TransferBillRecord>;
  readonly scheduler: Scheduler;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (id: string) => void;
}

/** Told when a bill ends (its MCHTRANSFER.BILL.FINISHED listens). */
export type FinishedListener = (bill: TransferBillRecord, plan: NotifyPlan) => Promise<void> | void;

/** A bill the user has not confirmed in this long on the test clock fails OVERDUE_CLOSE. */
export const CONFIRM_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A cancelled bill stays CANCELING this long on the test clock, then is CANCELLED. */
export const CANCEL_DELAY_MS = 1000;

const EXPIRE_TASK = 'transfer.expire';
const CANCEL_TASK = 'transfer.cancel';
const NOTIFY_NOW: NotifyPlan = { delayMs: 0, drop: false };

/**
 * Merchant transfer bills (商家转账, user-confirmation mode): created WAIT_USER_CONFIRM with a
 * package_info (the same request again answers the same bill); the user confirms (SUCCESS) or
 * the transfer fails (FAIL); the merchant cancels while it waits (CANCELING, then CANCELLED);
 * a bill still waiting after 24 hours fails OVERDUE_CLOSE. Each end is told to the listeners.
 */
export class TransferBook {
  private readonly byPackage = new Map<string, string>();
  private readonly finishedListeners: FinishedListener[] = [];

  constructor(private readonly options: TransferBookOptions) {
    for (const bill of options.bills.values()) this.byPackage.set(bill.packageInfo, bill.key);
    options.scheduler.handle(EXPIRE_TASK, async (data) => {
      const bill = options.bills.get(String(data));
      if (bill?.state === 'WAIT_USER_CONFIRM')
        await this.finish(bill, 'FAIL', 'OVERDUE_CLOSE', NOTIFY_NOW);
    });
    options.scheduler.handle(CANCEL_TASK, async (data) => {
      const bill = options.bills.get(String(data));
      if (bill?.state === 'CANCELING')
        await this.finish(bill, 'CANCELLED', 'MCH_CANCEL', NOTIFY_NOW);
    });
  }

  /** The bill, or the existing one for the same request; 400 for its out_bill_no reused. */
  async create(input: NewTransferBill): Promise<TransferBillRecord> {
    const key = transferBillKey(input.mchid, input.outBillNo);
    const existing = this.options.bills.get(key);
    if (existing) {
      if (existing.fingerprint === input.fingerprint) return existing;
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `out_bill_no ${input.outBillNo} exists with other parameters (单号已存在但信息不一致); query the bill and compare, or use a new out_bill_no.`,
        { location: 'body', field: 'out_bill_no' },
      );
    }
    const now = this.options.now();
    const bill: TransferBillRecord = {
      ...input,
      key,
      transferBillNo: newTransferBillNo(now),
      packageInfo: newPackageInfo(),
      createdAt: now,
      state: 'WAIT_USER_CONFIRM',
      updatedAt: now,
    };
    bill.taskId = this.options.scheduler.schedule(EXPIRE_TASK, now + CONFIRM_WINDOW_MS, key);
    this.options.bills.set(key, bill);
    this.byPackage.set(bill.packageInfo, key);
    await this.saved(bill);
    return bill;
  }

  find(mchid: string, outBillNo: string): TransferBillRecord | undefined {
    return this.options.bills.get(transferBillKey(mchid, outBillNo));
  }

  /** The bill whose package_info this is, whatever its state. */
  findByPackage(packageInfo: string): TransferBillRecord | undefined {
    const key = this.byPackage.get(packageInfo);
    return key === undefined ? undefined : this.options.bills.get(key);
  }

  list(): TransferBillRecord[] {
    return [...this.options.bills.values()];
  }

  onFinished(listener: FinishedListener): void {
    this.finishedListeners.push(listener);
  }

  /** The user confirmed receipt: the money moves (TRANSFERING), and the bill ends SUCCESS. */
  async confirm(bill: TransferBillRecord, plan: NotifyPlan): Promise<void> {
    bill.state = 'TRANSFERING';
    await this.finish(bill, 'SUCCESS', undefined, plan);
  }

  /** The transfer failed after the user confirmed (the user's account cannot receive). */
  async fail(bill: TransferBillRecord, plan: NotifyPlan): Promise<void> {
    await this.finish(bill, 'FAIL', 'PAYEE_ACCOUNT_ABNORMAL', plan);
  }

  /**
   * The merchant cancels a bill the user has not confirmed: CANCELING now, CANCELLED after
   * {@link CANCEL_DELAY_MS}; cancelling again answers the bill as it is. 400 for an ended bill.
   */
  async cancel(bill: TransferBillRecord): Promise<TransferBillRecord> {
    if (bill.state === 'CANCELING' || bill.state === 'CANCELLED') return bill;
    if (bill.state !== 'WAIT_USER_CONFIRM') {
      throw new WeChatError(
        400,
        'INVALID_REQUEST',
        `Transfer bill ${bill.outBillNo} is ${bill.state}; only a bill waiting for the user's confirmation can be cancelled.`,
      );
    }
    const now = this.options.now();
    if (bill.taskId) this.options.scheduler.cancel(bill.taskId);
    bill.state = 'CANCELING';
    bill.updatedAt = now;
    bill.taskId = this.options.scheduler.schedule(CANCEL_TASK, now + CANCEL_DELAY_MS, bill.key);
    await this.saved(bill);
    return bill;
  }

  /** Records what the user did at the cashier. */
  async noteCashier(bill: TransferBillRecord, note: CashierNote): Promise<void> {
    bill.lastCashier = note;
    await this.saved(bill);
  }

  private async finish(
    bill: TransferBillRecord,
    state: TransferBillEnd,
    failReason: string | undefined,
    plan: NotifyPlan,
  ): Promise<void> {
    if (bill.taskId) this.options.scheduler.cancel(bill.taskId);
    bill.taskId = undefined;
    bill.state = state;
    if (failReason !== undefined) bill.failReason = failReason;
    bill.updatedAt = this.options.now();
    await this.saved(bill);
    for (const listener of this.finishedListeners) await listener(bill, plan);
  }

  private saved(bill: TransferBillRecord): Promise<void> {
    this.options.changed(bill.key);
    return this.options.save();
  }
}

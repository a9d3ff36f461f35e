import fp from 'fastify-plugin';
import { requestMerchantTransfer } from '../cashier/merchant-transfer';
import { v3NotificationBody } from '../notifications/v3-notification';
import type { TransferBillRecord } from '../transfers/transfer-bill';
import { TransferBook } from '../transfers/transfer-book';
import { finishedBillResource } from '../transfers/transfer-views';
import { provide } from './services';

declare module './services' {
  interface SimulatorServices {
    /** Merchant transfer bills (商家转账) and their ends. */
    readonly transfers: TransferBook;
  }
}

const FINISHED = 'MCHTRANSFER.BILL.FINISHED';

/**
 * Merchant transfers: the bills, the cashier's wx.requestMerchantTransfer, and the encrypted,
 * signed MCHTRANSFER.BILL.FINISHED to a bill's notify_url when it ends (none without one).
 */
export default fp(
  async (fastify) => {
    const { store, scheduler, clock, journal, merchants, notifier, cashier } = fastify.sim;
    const transfers = new TransferBook({
      bills: store.state.collection<TransferBillRecord>('transferBills'),
      scheduler,
      now: () => clock.now(),
      save: () => store.save(),
      changed: (id) => journal.changed('transfer', id),
    });
    transfers.onFinished(async (bill, plan) => {
      const merchant = merchants.find(bill.mchid);
      if (!merchant || bill.notifyUrl === undefined) return;
      const resource = finishedBillResource(bill);
      await notifier.notify({
        channel: 'v3',
        eventType: FINISHED,
        mchid: bill.mchid,
        subject: bill.outBillNo,
        url: bill.notifyUrl,
        body: v3NotificationBody(merchant.record.apiV3Key, FINISHED, resource, clock.wallNow()),
        ...plan,
      });
    });
    cashier.register('requestMerchantTransfer', requestMerchantTransfer);
    provide(fastify, 'transfers', transfers);
  },
  {
    name: 'transfers',
    dependencies: ['store', 'clock', 'journal', 'merchants', 'payments', 'cashier'],
    fastify: '5.x',
  },
);

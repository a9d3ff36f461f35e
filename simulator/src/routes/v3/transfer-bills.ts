import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { authenticatedMerchant } from '../../auth/v3-auth';
import { WeChatError } from '../../errors/wechat-error';
import type { TransferBillRecord } from '../../transfers/transfer-bill';
import { readTransferBill } from '../../transfers/transfer-request';
import { billView, cancelledBillView, createdBillView } from '../../transfers/transfer-views';
import { Fields } from '../../validation/fields';

const BASE = '/v3/fund-app/mch-transfer/transfer-bills';

interface OutBillNoParams {
  readonly out_bill_no: string;
}

/**
 * Merchant transfer bills (商家转账, 2025): create (发起转账, WAIT_USER_CONFIRM with its
 * package_info), query by out_bill_no, cancel (撤销转账: CANCELING, then CANCELLED; the body may
 * be empty, as WeChat Pay allows).
 */
const transferBillRoutes: FastifyPluginAsync = async (fastify) => {
  const { transfers } = fastify.sim;

  const billOf = (request: FastifyRequest<{ Params: OutBillNoParams }>): TransferBillRecord => {
    const merchant = authenticatedMerchant(request);
    const bill = transfers.find(merchant.mchid, request.params.out_bill_no);
    if (bill) return bill;
    throw new WeChatError(
      404,
      'NOT_FOUND',
      `Merchant ${merchant.mchid} has no transfer bill with out_bill_no ${request.params.out_bill_no} (记录不存在).`,
    );
  };

  fastify.post(BASE, async (request) => {
    const merchant = authenticatedMerchant(request);
    const serial = request.headers['wechatpay-serial'];
    const input = readTransferBill(
      request.body,
      merchant,
      typeof serial === 'string' ? serial : undefined,
    );
    return createdBillView(await transfers.create(input));
  });

  fastify.get<{ Params: OutBillNoParams }>(`${BASE}/out-bill-no/:out_bill_no`, async (request) =>
    billView(billOf(request)),
  );

  fastify.post<{ Params: OutBillNoParams }>(
    `${BASE}/out-bill-no/:out_bill_no/cancel`,
    { config: { emptyBodyAllowed: true } },
    async (request) => {
      if (request.body !== undefined) Fields.of(request.body, 'body');
      return cancelledBillView(await transfers.cancel(billOf(request)));
    },
  );
};

export default transferBillRoutes;

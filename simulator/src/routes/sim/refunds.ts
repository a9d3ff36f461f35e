import type { FastifyPluginAsync } from 'fastify';
import { WeChatError } from '../../errors/wechat-error';
import { MCHID } from '../../merchants/registration';
import { REFUND_OUTCOMES } from '../../payments/refund';
import { Fields } from '../../validation/fields';
import { notifyPlanOf } from './notify-plan';

/**
 * `POST /sim/refunds/settle { mchid, sub_mchid?, out_refund_no, status, notifyDelayMs?,
 * dropNotify? }`: ends a PROCESSING (or ABNORMAL) refund now as SUCCESS, ABNORMAL or CLOSED,
 * and sends its REFUND.* notification; the way to see a refund fail.
 */
const simRefundRoutes: FastifyPluginAsync = async (fastify) => {
  const { refunds, config } = fastify.sim;
  fastify.post('/sim/refunds/settle', async (request) => {
    const fields = Fields.of(request.body, 'body');
    fields.onlyKnown([
      'mchid',
      'sub_mchid',
      'out_refund_no',
      'status',
      'notifyDelayMs',
      'dropNotify',
    ]);
    const mchid = fields.requiredString('mchid', MCHID);
    const subMchid = fields.optionalString('sub_mchid', MCHID);
    const outRefundNo = fields.requiredString('out_refund_no', { maxBytes: 64 });
    const status = fields.optionalChoice('status', REFUND_OUTCOMES);
    if (status === undefined)
      throw fields.error('status', `status is required: one of ${REFUND_OUTCOMES.join(', ')}.`);
    const plan = notifyPlanOf(fields, config.defaultNotifyDelayMs);
    const refund = refunds.find(mchid, subMchid, outRefundNo);
    if (!refund)
      throw new WeChatError(
        404,
        'RESOURCE_NOT_EXISTS',
        `Merchant ${subMchid ?? mchid} has no refund ${outRefundNo}.`,
      );
    await refunds.settle(refund, status, plan);
    return { out_refund_no: refund.outRefundNo, status: refund.status };
  });
};

export default simRefundRoutes;

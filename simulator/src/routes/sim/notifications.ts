import type { FastifyPluginAsync } from 'fastify';
import { WeChatError } from '../../errors/wechat-error';
import { MCHID } from '../../merchants/registration';
import { v3NotificationBody } from '../../notifications/v3-notification';
import { Fields } from '../../validation/fields';

/**
 * Notifications on demand. `POST /sim/notifications/probe { mchid, url? }` sends one signature
 * probe (`Wechatpay-Signature: WECHATPAY/SIGNTEST/…`) to `url`, else to the notify_url of the
 * merchant's latest order, and answers whether the merchant refused it (as it must).
 * `POST /sim/notifications/{id}/send` sends an owed notification now (dropped, given up, or
 * waiting for its next retry).
 */
const notificationRoutes: FastifyPluginAsync = async (fastify) => {
  const { merchants, notifier, orders, clock } = fastify.sim;

  fastify.post('/sim/notifications/probe', async (request) => {
    const fields = Fields.of(request.body, 'body');
    fields.onlyKnown(['mchid', 'url']);
    const mchid = fields.requiredString('mchid', MCHID);
    const merchant = merchants.find(mchid);
    if (!merchant)
      throw new WeChatError(404, 'RESOURCE_NOT_EXISTS', `Merchant ${mchid} is not registered.`);
    const latest = orders
      .list()
      .filter((order) => order.mchid === mchid)
      .sort((a, b) => a.createdAt - b.createdAt)
      .pop();
    const url =
      fields.optionalString('url', {
        maxBytes: 2048,
        pattern: { test: /^https?:\/\/\S+$/, says: 'an http(s) URL' },
      }) ?? latest?.notifyUrl;
    if (url === undefined)
      throw fields.error(
        'url',
        `url is required: merchant ${mchid} has no order whose notify_url to probe.`,
      );
    const resource = {
      mchid,
      appid: merchant.record.appids[0],
      out_trade_no: 'SIGNTEST',
      trade_state: 'SUCCESS',
    };
    const body = v3NotificationBody(
      merchant.record.apiV3Key,
      'TRANSACTION.SUCCESS',
      resource,
      clock.wallNow(),
    );
    const record = await notifier.probe({
      channel: 'probe',
      eventType: 'TRANSACTION.SUCCESS',
      mchid,
      subject: 'signature probe',
      url,
      body,
    });
    const attempt = record.attempts[0];
    return {
      id: record.id,
      url,
      refused: record.probe === 'refused',
      verdict: record.probe,
      ...(attempt?.status === undefined ? {} : { status: attempt.status }),
      ...(attempt?.error === undefined ? {} : { error: attempt.error }),
      message:
        record.probe === 'refused'
          ? 'The merchant refused the forged notification, as it must.'
          : record.probe === 'accepted'
            ? 'The merchant accepted a notification whose signature is forged: it does not verify notifications.'
            : 'The merchant did not answer the probe.',
    };
  });

  fastify.post<{ Params: { id: string } }>('/sim/notifications/:id/send', async (request) => {
    const record = await notifier.sendNow(request.params.id);
    if (!record) {
      throw new WeChatError(
        404,
        'RESOURCE_NOT_EXISTS',
        `No notification ${request.params.id} is owed (it is unknown, delivered, or a probe).`,
      );
    }
    return { id: record.id, state: record.state, nextAt: record.nextAt };
  });
};

export default notificationRoutes;

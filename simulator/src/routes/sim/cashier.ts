import type { FastifyPluginAsync } from 'fastify';
import { CASHIER_ACTIONS } from '../../cashier/cashier';
import { Fields } from '../../validation/fields';
import { notifyPlanOf } from './notify-plan';

/**
 * `POST /sim/cashier { api, params, action, openid?, appId?, notifyDelayMs?, dropNotify? }`:
 * what the host's cashier does with the mini program's parameters. 200 with the callback
 * object a host would deliver, refusals included; 4xx only for a malformed request to it.
 */
const cashierRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.post('/sim/cashier', async (request) => {
    const { sim } = fastify;
    const fields = Fields.of(request.body, 'body');
    fields.onlyKnown(['api', 'params', 'action', 'openid', 'appId', 'notifyDelayMs', 'dropNotify']);
    const api = fields.requiredString('api', { maxBytes: 64 });
    const action = fields.optionalChoice('action', CASHIER_ACTIONS);
    if (action === undefined)
      throw fields.error('action', `action is required: one of ${CASHIER_ACTIONS.join(', ')}.`);
    const params = fields.requiredRecord('params');
    return sim.cashier.run(
      {
        api,
        params,
        action,
        openid: fields.optionalString('openid', { maxBytes: 128 }),
        appId: fields.optionalString('appId', { maxBytes: 32 }),
        plan: notifyPlanOf(fields, sim.config.defaultNotifyDelayMs),
      },
      sim,
    );
  });
};

export default cashierRoutes;

import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import type { CashierAction } from '../platform/cashier';
import { type NotifyPlanFields, notifyPlanOf, notifyPlanProperties } from './notifyPlan';

interface CashierBody extends NotifyPlanFields {
  readonly api: 'requestPayment' | 'requestVirtualPayment';
  readonly params: Record<string, unknown>;
  readonly openid?: string;
  readonly action: CashierAction;
}

const cashierBodySchema = {
  type: 'object',
  required: ['api', 'params', 'action'],
  additionalProperties: false,
  properties: {
    api: { type: 'string', enum: ['requestPayment', 'requestVirtualPayment'] },
    params: { type: 'object' },
    openid: { type: 'string', minLength: 1, maxLength: 128 },
    action: { type: 'string', enum: ['pay', 'cancel', 'fail'] },
    ...notifyPlanProperties,
  },
} as const;

/**
 * `POST /sim/cashier`: plays the host's cashier sheet. 200 with the callback object a host
 * would deliver, refusals included; 4xx only when this request itself is malformed.
 */
export function registerSimCashierRoute(app: FastifyInstance, context: BackendContext): void {
  app.post<{ Body: CashierBody }>(
    '/sim/cashier',
    { schema: { body: cashierBodySchema } },
    async (request) => {
      const body = request.body;
      const cashierRequest = {
        params: body.params,
        openid: body.openid,
        action: body.action,
        plan: notifyPlanOf(body, context.config),
      };
      const { cashier } = context.platform;
      return body.api === 'requestPayment'
        ? cashier.requestPayment(cashierRequest)
        : cashier.requestVirtualPayment(cashierRequest);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { BackendContext } from '../context';
import type { CashierAction } from '../platform/cashier';

interface CashierBody {
  readonly api: 'requestPayment' | 'requestVirtualPayment';
  readonly params: Record<string, unknown>;
  readonly openid?: string;
  readonly action: CashierAction;
  readonly notifyDelayMs?: number;
  readonly dropNotify?: boolean;
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
    notifyDelayMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    dropNotify: { type: 'boolean' },
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
        plan: {
          delayMs: body.notifyDelayMs ?? context.config.defaultNotifyDelayMs,
          drop: body.dropNotify ?? false,
        },
      };
      const { cashier } = context.platform;
      return body.api === 'requestPayment'
        ? cashier.requestPayment(cashierRequest)
        : cashier.requestVirtualPayment(cashierRequest);
    },
  );
}

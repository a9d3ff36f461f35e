import { WeChatError } from '../errors/wechat-error';
import type { NotifyPlan } from '../notifications/notifier';
import type { SimulatorServices } from '../plugins/services';
import type { HostCallback } from './host-callbacks';

/** What the user does at the cashier sheet. */
export const CASHIER_ACTIONS = ['pay', 'cancel', 'fail'] as const;
export type CashierAction = (typeof CASHIER_ACTIONS)[number];

/** One use of the host's cashier, with `params` exactly as the mini program passed them. */
export interface CashierRequest {
  /** The host API, e.g. `requestPayment`. */
  readonly api: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly action: CashierAction;
  /** The user at the phone; when absent, the user the order was made for. */
  readonly openid: string | undefined;
  /** The AppID of the mini program calling; when absent, the order's. */
  readonly appId: string | undefined;
  /** When the platform tells the merchant of a payment. */
  readonly plan: NotifyPlan;
}

/**
 * How one host API's cashier behaves: checks what WeChat checks of `params`, then acts as
 * the user chose. Every outcome, refusals included, is the callback object a host delivers.
 */
export type CashierHandler = (
  request: CashierRequest,
  sim: SimulatorServices,
) => Promise<HostCallback>;

/** The host APIs the cashier plays, by name: each part of the simulator registers its own. */
export class Cashier {
  private readonly handlers = new Map<string, CashierHandler>();

  register(api: string, handler: CashierHandler): void {
    this.handlers.set(api, handler);
  }

  apis(): string[] {
    return [...this.handlers.keys()];
  }

  /** Runs the API's cashier; 400 PARAM_ERROR for an API it does not play. */
  run(request: CashierRequest, sim: SimulatorServices): Promise<HostCallback> {
    const handler = this.handlers.get(request.api);
    if (!handler) {
      throw new WeChatError(
        400,
        'PARAM_ERROR',
        `api must be one of ${this.apis().join(', ')}; got ${JSON.stringify(request.api)}.`,
        { location: 'body', field: 'api' },
      );
    }
    return handler(request, sim);
  }
}

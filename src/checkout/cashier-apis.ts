import type { PaymentApi } from '../core/payment-apis';
import type { PreparedOrder } from '../shared/wire-types';
import { prepareCommonPaymentParams } from '../validation/common-payment-params';
import { prepareMerchantTransferParams } from '../validation/merchant-transfer-params';
import { prepareOrderPaymentParams } from '../validation/order-payment-params';
import { preparePaymentParams } from '../validation/payment-params';
import { preparePluginPaymentParams } from '../validation/plugin-payment-params';
import type { PreparedParams } from '../validation/prepared-params';
import { prepareVirtualPaymentParams } from '../validation/virtual-payment-params';

/** The host API each kind of order opens, and how its parameters are checked. */
interface CashierApi {
  readonly api: PaymentApi;
  readonly prepare: (params: unknown) => PreparedParams;
}

/** From `order.kind` to the host API: the one place a new kind of order is added. */
export const CASHIER_APIS: { readonly [kind in PreparedOrder['kind']]: CashierApi } = {
  payment: { api: 'requestPayment', prepare: preparePaymentParams },
  virtual: { api: 'requestVirtualPayment', prepare: prepareVirtualPaymentParams },
  order: { api: 'requestOrderPayment', prepare: prepareOrderPaymentParams },
  common: { api: 'requestCommonPayment', prepare: prepareCommonPaymentParams },
  plugin: { api: 'requestPluginPayment', prepare: preparePluginPaymentParams },
  transfer: { api: 'requestMerchantTransfer', prepare: prepareMerchantTransferParams },
};

/** Every kind of order the checkout can pay. */
export function orderKinds(): Array<PreparedOrder['kind']> {
  return Object.keys(CASHIER_APIS) as Array<PreparedOrder['kind']>;
}

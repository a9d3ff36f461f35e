import {
  TRADE_STATES,
  type TradeState,
  VIRTUAL_STATUS_NAMES,
  type VirtualOrderStatus,
} from '../../demo-miniprogram/mock-backend/src/domain/order-state';
import { viewOf } from '../../demo-miniprogram/mock-backend/src/merchant/order-book/order-view';
import type {
  MerchantPaymentOrder,
  MerchantVirtualOrder,
} from '../../demo-miniprogram/mock-backend/src/storage/state';
import { toOrderState } from '../../src/checkout/order-state';

// README "Order state" (mock backend): one mapping, the library's. A client mapping the
// platform state with toOrderState and one reading the mock's `state` must never disagree.

const common = {
  orderId: 'MP20240101120000abcdefghij',
  productId: 'mug',
  quantity: 1,
  amount: 3900,
  currency: 'CNY',
  openid: 'oMockDemoUser000000000000000',
  createdAt: 0,
  appliedNotificationIds: [],
};

function paymentOrder(tradeState: TradeState): MerchantPaymentOrder {
  return { ...common, kind: 'payment', profile: 'wechat-v3', prepayId: 'wx1', tradeState };
}

function virtualOrder(virtualStatus: VirtualOrderStatus): MerchantVirtualOrder {
  return {
    ...common,
    kind: 'virtual',
    profile: 'wechat',
    mode: 'short_series_coin',
    env: 0,
    signData: '{}',
    virtualStatus,
  };
}

const VIRTUAL_STATUSES = Object.keys(VIRTUAL_STATUS_NAMES).map(Number) as VirtualOrderStatus[];

it('knows every trade_state and every virtual order status (0 to 7)', () => {
  expect(TRADE_STATES).toHaveLength(7);
  expect(VIRTUAL_STATUSES).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
});

it.each(TRADE_STATES)('trade_state %s: state is toOrderState(trade_state)', (tradeState) => {
  expect(viewOf(paymentOrder(tradeState)).state).toBe(toOrderState(tradeState));
});

it.each(VIRTUAL_STATUSES)('virtual status %i: state is toOrderState(status)', (status) => {
  expect(viewOf(virtualOrder(status)).state).toBe(toOrderState(status));
});

it('status 7 (refund failed) is paid on both sides: the payment stands', () => {
  expect(viewOf(virtualOrder(7))).toMatchObject({ state: 'paid', tradeState: 'REFUND_FAILED' });
  expect(toOrderState(7)).toBe('paid');
});

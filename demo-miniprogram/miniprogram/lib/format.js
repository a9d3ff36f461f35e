const messages = require('miniprogram-pay/messages');

/** 6800 fen -> '¥68.00'. */
function price(fen) {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100);
  return `¥${yuan}.${cents.length < 2 ? `0${cents}` : cents}`;
}

/** A payment's stages; `settled` has none: the pages show the result instead. */
const STAGE_TEXT = {
  creating_order: 'Creating the order…',
  awaiting_payment: 'Waiting for the payment…',
  confirming: 'Confirming with the server…',
};

/** A cash-out's stages: the user receives money, and confirms receipt. */
const TRANSFER_STAGE_TEXT = {
  creating_order: 'Creating the transfer…',
  awaiting_payment: 'Waiting for you to confirm receipt…',
};

/** What the user reads for a checkout stage (`kind` 'transfer': a cash-out's words). */
function stageText(stage, kind) {
  return (kind === 'transfer' && TRANSFER_STAGE_TEXT[stage]) || STAGE_TEXT[stage] || '';
}

/**
 * What the result screen shows: the result's `status` (its colour and buttons), the words for
 * the person paying from miniprogram-pay/messages (`title` for a toast, `text` for a modal),
 * and the checkout's own detail for the developer.
 */
function describeResult(result) {
  const said = messages.describeResult(result, 'en');
  const outcome = result.outcome || {};
  // The cashier's callback never came (the user left, the host lost it): the server decided.
  const lost =
    outcome.status === 'failed' && outcome.code === 'timeout'
      ? 'The cashier never called back; the app asked the server.'
      : '';
  const code = result.status === 'failed' ? `[${result.code}] ` : '';
  const detail = [result.detail ? code + result.detail : '', lost].filter(Boolean).join(' ');
  return { status: result.status, title: said.title, text: said.detail, detail: detail };
}

/** 'timeStamp, nonceStr, package, signType=RSA, paySign': the names of the server's params. */
function paramsShape(params) {
  return Object.keys(params || {})
    .map((key) => (key === 'signType' || key === 'mode' ? `${key}=${params[key]}` : key))
    .join(', ');
}

/**
 * The orders page's word for an order's latest result (`status`, `code`, `kind` as stored by
 * lib/orders.js): the title the result screen showed, "Received" for a cash-out.
 */
function statusTitle(order) {
  return messages.describeResult(order, 'en', { kind: order.kind }).title;
}

module.exports = {
  price: price,
  stageText: stageText,
  describeResult: describeResult,
  paramsShape: paramsShape,
  statusTitle: statusTitle,
};

/** 6800 fen -> '¥68.00'. */
function price(fen) {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100);
  return `¥${yuan}.${cents.length < 2 ? `0${cents}` : cents}`;
}

const STAGE_TEXT = {
  creating_order: 'Creating the order…',
  awaiting_payment: 'Waiting for the payment…',
  confirming: 'Confirming with the server…',
  settled: 'Done',
};

/** What the user reads for a checkout stage. */
function stageText(stage) {
  return STAGE_TEXT[stage] || '';
}

/** Title and explanation of a CheckoutResult, as the result screen shows them. */
function describeResult(result) {
  const outcome = result.outcome || {};
  // The cashier's callback never came (the user left, the host lost it): the server decided.
  const lost =
    outcome.status === 'failed' && outcome.code === 'timeout'
      ? ' The cashier never called back; the app asked the server.'
      : '';
  switch (result.status) {
    case 'paid':
      return {
        title: 'Paid',
        text: `The server confirmed the payment of order ${result.orderId}.${lost}`,
      };
    case 'cancelled':
      return { title: 'Cancelled', text: 'You closed the cashier. Nothing was charged.' };
    case 'pending':
      return {
        title: 'Still processing',
        text: `The server has not confirmed the payment yet (${result.detail}).${lost}`,
      };
    default:
      return { title: 'Payment failed', text: `${result.detail} [${result.code}]${lost}` };
  }
}

module.exports = { price: price, stageText: stageText, describeResult: describeResult };

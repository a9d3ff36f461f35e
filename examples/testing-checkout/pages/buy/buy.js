const { getCheckout } = require('../../services/checkout');

const MESSAGES = {
  paid: 'Paid. Your coffee beans are on their way.',
  cancelled: 'Payment cancelled.',
  pending: 'Payment processing. Check again in a moment.',
};

Component({
  data: { message: '', orderId: '', pending: false, paying: false },
  methods: {
    buy() {
      return this.show(getCheckout().pay({ productId: 'coffee-beans', quantity: 1 }));
    },
    checkAgain() {
      return this.show(getCheckout().confirm(this.data.orderId));
    },
    async show(payment) {
      this.setData({ paying: true, message: '' });
      const result = await payment;
      this.setData({
        paying: false,
        pending: result.status === 'pending',
        orderId: result.orderId || '',
        message: MESSAGES[result.status] || `Payment failed: ${result.detail}`,
      });
    },
  },
});

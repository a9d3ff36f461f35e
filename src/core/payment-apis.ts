/** The host APIs that open a cashier. Every one of them counts for the host lock. */
export type PaymentApi = 'requestPayment' | 'requestVirtualPayment';

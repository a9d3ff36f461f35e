import type { Delivery, DeliveryRecord } from './delivery';

/**
 * One attempt: POSTs the delivery's request (built afresh), records it on `record`, and
 * answers whether the merchant acknowledged it. Never throws.
 */
export async function sendDelivery(
  delivery: Delivery,
  record: DeliveryRecord,
  inFlight: Set<AbortController>,
  requestTimeoutMs: number,
): Promise<boolean> {
  const controller = new AbortController();
  inFlight.add(controller);
  const timeout = setTimeout(() => controller.abort(), requestTimeoutMs);
  const at = Date.now();
  let signedFor: { serial: string } | undefined;
  try {
    const { url, headers, body } = delivery.request();
    const serial = headers['Wechatpay-Serial'];
    if (serial !== undefined) signedFor = { serial };
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
    });
    const answer = await response.text();
    record.attempts.push({ at, status: response.status, ...signedFor });
    return delivery.isAcknowledged(response.status, answer);
  } catch (error) {
    record.attempts.push({
      at,
      status: undefined,
      error: (error as Error).message,
      ...signedFor,
    });
    return false;
  } finally {
    clearTimeout(timeout);
    inFlight.delete(controller);
  }
}

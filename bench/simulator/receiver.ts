import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyNotification } from '../../src/server/index';
import type { BenchMerchant } from './merchant';

/**
 * The merchant's notify_url: verifies each notification with the server kit (signature, then
 * AES-GCM) and answers 204, then tells whoever waits for that out_trade_no. A path ending in
 * `/fail` answers 500 instead, to make the platform retry.
 */
export class NotificationReceiver {
  private readonly waiting = new Map<string, () => void>();
  private server: Server | undefined;
  url = '';
  failures = 0;

  constructor(private readonly merchant: BenchMerchant) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url?.endsWith('/fail')) {
          this.failures += 1;
          response.writeHead(500).end();
          return;
        }
        const result = verifyNotification(
          { headers: request.headers, body: Buffer.concat(chunks) },
          { platformKeys: this.merchant.platformKeys, apiV3Key: this.merchant.apiV3Key },
        );
        if (!result.ok) {
          response
            .writeHead(result.status)
            .end(JSON.stringify({ code: 'FAIL', message: result.message }));
          return;
        }
        response.writeHead(204).end();
        const outTradeNo = (result.resource as { out_trade_no: string }).out_trade_no;
        this.waiting.get(outTradeNo)?.();
        this.waiting.delete(outTradeNo);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/pay/notify`;
  }

  /** Resolves when the notification of `outTradeNo` arrived verified (ask before paying). */
  expect(outTradeNo: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(outTradeNo, resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}

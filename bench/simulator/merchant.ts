import {
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { Agent, request } from 'node:http';

/** A merchant server's side of API v3, by hand: what an SDK does, with nothing else. */
export class BenchMerchant {
  readonly mchid = '1900009001';
  readonly appid = 'wx8888888888888888';
  readonly serial = '3775B6A45ACD588826D15E583A95F5DD0000B001';
  readonly apiV3Key = 'ApiV3KeyOfTheBenchMerchant012345';
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  /** The platform's keys by serial, once registered. */
  platformKeys: Record<string, KeyObject> = {};
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, connections: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** `POST /sim/merchants`; keeps the platform's public key and certificate. */
  async register(): Promise<void> {
    const answer = await this.send('POST', '/sim/merchants', {
      mchid: this.mchid,
      appids: [this.appid],
      merchantSerial: this.serial,
      merchantPublicKey: this.publicKeyPem,
      apiV3Key: this.apiV3Key,
      signing: 'public-key',
    });
    if (answer.status !== 201) throw new Error(`registration answered ${answer.status}`);
    const { publicKey, platformCertificate } = JSON.parse(answer.body);
    this.platformKeys = {
      [publicKey.id]: createPublicKey(publicKey.pem),
      [platformCertificate.serial]: createPublicKey(platformCertificate.pem),
    };
  }

  /** A signed v3 request (one RSA signature); its answer's signature verified. */
  async v3(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; data: Record<string, unknown> | undefined }> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = sign(
      'sha256',
      Buffer.from(`${method}\n${path}\n${timestamp}\n${nonce}\n${text}\n`),
      this.privateKey,
    ).toString('base64');
    const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${this.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${this.serial}"`;
    const answer = await this.send(method, path, body, { authorization });
    if (answer.status >= 200 && answer.status < 300) this.verifyAnswer(answer);
    return { status: answer.status, data: answer.body ? JSON.parse(answer.body) : undefined };
  }

  /** A JSON request without a signature (the simulator's own routes). */
  send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: this.host,
          port: this.port,
          path,
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(text === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
            ...headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(text);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private verifyAnswer(answer: {
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }): void {
    const header = (name: string) => String(answer.headers[name] ?? '');
    const key = this.platformKeys[header('wechatpay-serial')];
    const message = `${header('wechatpay-timestamp')}\n${header('wechatpay-nonce')}\n${answer.body}\n`;
    if (
      !key ||
      !verify(
        'sha256',
        Buffer.from(message),
        key,
        Buffer.from(header('wechatpay-signature'), 'base64'),
      )
    ) {
      throw new Error('an answer of the simulator does not verify');
    }
  }
}

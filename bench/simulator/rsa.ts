import { generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

/** A count of operations and the seconds they took. */
export interface Tally {
  count: number;
  seconds: number;
}

/** Times RSA-2048 signatures and verifications with node:crypto on this thread (one core). */
export class RsaMeter {
  readonly signatures: Tally = { count: 0, seconds: 0 };
  readonly verifications: Tally = { count: 0, seconds: 0 };
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** A message of WeChat Pay's usual size. */
  private readonly message = Buffer.alloc(300, 'x');
  private readonly signature: Buffer;

  constructor() {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
    }));
    this.signature = sign('sha256', this.message, this.privateKey);
  }

  /** Signs for `seconds`, then verifies for a quarter of that, adding to the tallies. */
  measure(seconds: number): void {
    time(this.signatures, seconds, () => sign('sha256', this.message, this.privateKey));
    time(this.verifications, seconds / 4, () =>
      verify('sha256', this.message, this.publicKey, this.signature),
    );
  }
}

/** Operations per second of a tally. */
export function rate(tally: Tally): number {
  return tally.count / tally.seconds;
}

function time(tally: Tally, seconds: number, operation: () => unknown): void {
  for (let warm = 0; warm < 10; warm++) operation();
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  let now = started;
  while (now < until) {
    for (let batch = 0; batch < 10; batch++) operation();
    tally.count += 10;
    now = process.hrtime.bigint();
  }
  tally.seconds += Number(now - started) / 1e9;
}

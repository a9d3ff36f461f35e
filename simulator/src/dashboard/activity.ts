/** What a request was about, read from its path and body (for the sequence of an order). */
export interface RequestSubjects {
  readonly outTradeNo?: string;
  readonly outRefundNo?: string;
  readonly transactionId?: string;
  readonly subMchid?: string;
}

/** One use of the host's cashier (`POST /sim/cashier`), as the dashboard shows it. */
export interface CashierEvent {
  readonly seq: number;
  /** ms on the test clock. */
  readonly at: number;
  /** The order its prepay_id named; undefined when it named none the simulator gave. */
  readonly orderKey: string | undefined;
  readonly api: string;
  readonly action: string;
  readonly errMsg: string;
}

/**
 * What the dashboard keeps that the journal does not: what each API request was about, and
 * every use of the cashier. Bounded like the journal (the oldest go first).
 */
export class Activity {
  private readonly subjects = new Map<string, RequestSubjects>();
  private readonly cashierEvents: CashierEvent[] = [];
  private seq = 0;

  constructor(private readonly limit: number) {}

  noteSubjects(requestId: string, subjects: RequestSubjects): void {
    this.subjects.set(requestId, subjects);
    if (this.subjects.size > this.limit) {
      const oldest = this.subjects.keys().next().value;
      if (oldest !== undefined) this.subjects.delete(oldest);
    }
  }

  subjectsOf(requestId: string): RequestSubjects {
    return this.subjects.get(requestId) ?? {};
  }

  noteCashier(event: Omit<CashierEvent, 'seq'>): CashierEvent {
    this.seq += 1;
    const noted = { ...event, seq: this.seq };
    this.cashierEvents.push(noted);
    if (this.cashierEvents.length > this.limit) this.cashierEvents.shift();
    return noted;
  }

  cashier(): readonly CashierEvent[] {
    return this.cashierEvents;
  }
}

const PATH_SUBJECTS: readonly [keyof RequestSubjects, RegExp][] = [
  ['outTradeNo', /\/out-trade-no\/([^/?]+)/],
  ['transactionId', /\/transactions\/id\/([^/?]+)/],
  ['outRefundNo', /\/refunds\/([^/?]+)/],
];
const BODY_SUBJECTS: readonly [keyof RequestSubjects, string][] = [
  ['outTradeNo', 'out_trade_no'],
  ['outRefundNo', 'out_refund_no'],
  ['transactionId', 'transaction_id'],
  ['subMchid', 'sub_mchid'],
];

/** The order, refund and sub-merchant a request names in its path, query or JSON body. */
export function subjectsOf(url: string, body: unknown): RequestSubjects {
  const subjects: Partial<Record<keyof RequestSubjects, string>> = {};
  const [path = '', query = ''] = url.split('?');
  for (const [name, pattern] of PATH_SUBJECTS) {
    const match = pattern.exec(path)?.[1];
    if (match !== undefined) subjects[name] = safeDecode(match);
  }
  const subMchid = new URLSearchParams(query).get('sub_mchid');
  if (subMchid) subjects.subMchid = subMchid;
  const fields = bodyFields(body);
  if (fields) {
    for (const [name, field] of BODY_SUBJECTS) {
      const value = fields[field];
      if (typeof value === 'string' && value.length <= 64) subjects[name] ??= value;
    }
  }
  return subjects;
}

/** A JSON object body: parsed already, or the raw bytes of a refused request (small ones). */
function bodyFields(body: unknown): Record<string, unknown> | undefined {
  let value = body;
  if (Buffer.isBuffer(body)) {
    if (body.length === 0 || body.length > 16_384) return undefined;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

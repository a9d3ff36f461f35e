/** A notification the merchant does not take: answered with this status, WeChat retries. */
export interface Refusal {
  readonly ok: false;
  readonly status: number;
  readonly message: string;
}

export function refuse(status: number, message: string): Refusal {
  return { ok: false, status, message };
}

import type { V2SignType } from '../crypto/v2-sign';

/** What API v2 needs to know of an order beyond the order itself, kept by the order's key. */
export interface V2OrderNote {
  /** The unified order's `sign_type`: the payment notification is signed the same way. */
  readonly signType: V2SignType;
  readonly deviceInfo?: string;
}

/** The notes of the orders API v2 made (a collection of the store). */
export class V2OrderNotes {
  constructor(
    private readonly notes: Map<string, V2OrderNote>,
    private readonly save: () => Promise<void>,
  ) {}

  /** Keeps the note of an order's first creation (creating it again changes nothing). */
  async keep(orderKey: string, note: V2OrderNote): Promise<void> {
    if (this.notes.has(orderKey)) return;
    this.notes.set(orderKey, note);
    await this.save();
  }

  of(orderKey: string): V2OrderNote {
    return this.notes.get(orderKey) ?? { signType: 'MD5' };
  }
}

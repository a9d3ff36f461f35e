/** Simulated merchant outages: the next N notifications of a kind are answered 500. */
export class MerchantFaults {
  failPayNotifies = 0;
  failVirtualNotifies = 0;

  /** Consumes one planned failure of the kind, if any. */
  takePayNotifyFailure(): boolean {
    if (this.failPayNotifies <= 0) return false;
    this.failPayNotifies--;
    return true;
  }

  takeVirtualNotifyFailure(): boolean {
    if (this.failVirtualNotifies <= 0) return false;
    this.failVirtualNotifies--;
    return true;
  }
}

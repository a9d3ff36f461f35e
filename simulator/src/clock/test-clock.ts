/** Where the clock's offset lives (the store's state, so that it survives a restart). */
export interface ClockOffset {
  clockOffsetMs: number;
}

/**
 * The test clock: the wall clock plus an offset that only grows. Everything the simulator
 * decides by time (expiry, schedules, business timestamps) reads `now()`; what it sends over
 * the wire carries the wall clock (`wallNow()`), so that a peer's 5-minute check still passes
 * after the clock jumped a day.
 */
export class TestClock {
  constructor(
    private readonly offset: ClockOffset,
    private readonly wall: () => number = Date.now,
  ) {}

  /** Milliseconds since the epoch, on the test clock. */
  now(): number {
    return this.wall() + this.offset.clockOffsetMs;
  }

  /** Milliseconds since the epoch, on the wall clock. */
  wallNow(): number {
    return this.wall();
  }

  /** How far ahead of the wall clock the test clock is, in ms. */
  offsetMs(): number {
    return this.offset.clockOffsetMs;
  }

  /** Moves the clock forward to `at` (ms); a time already passed leaves it as it is. */
  moveTo(at: number): void {
    const ahead = at - this.now();
    if (ahead > 0) this.offset.clockOffsetMs += ahead;
  }
}

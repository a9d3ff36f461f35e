/** A small seeded PRNG (mulberry32), so every run draws the same payments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bands of notification delay (ms, uncompressed) and the share of payments in each. */
export const NOTIFY_DELAY_BANDS = [
  { name: 'short', share: 0.3, fromMs: 100, toMs: 1000 },
  { name: 'typical', share: 0.45, fromMs: 1000, toMs: 5000 },
  { name: 'slow', share: 0.15, fromMs: 5000, toMs: 20000 },
  { name: 'tail', share: 0.1, fromMs: 20000, toMs: 45000 },
] as const;

/** `count` notification delays drawn from the bands, in ms, uncompressed. */
export function drawNotifyDelays(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let pick = random();
    for (const band of NOTIFY_DELAY_BANDS) {
      if (pick < band.share) return Math.round(band.fromMs + random() * (band.toMs - band.fromMs));
      pick -= band.share;
    }
    return NOTIFY_DELAY_BANDS[0].fromMs;
  });
}

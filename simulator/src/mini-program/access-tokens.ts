import { randomString } from '../lib/ids';

/** An access_token the platform issued to a mini program. */
export interface AccessTokenRecord {
  readonly token: string;
  readonly appid: string;
  /** ms on the test clock. */
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export interface AccessTokenBookOptions {
  readonly tokens: Map<string, AccessTokenRecord>;
  readonly now: () => number;
  readonly save: () => Promise<void>;
}

/** An access_token lives 7200 s, as WeChat's. */
export const ACCESS_TOKEN_LIFETIME_S = 7200;

const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** What a request's access_token is. */
export type TokenLookup =
  | { readonly kind: 'valid'; readonly appid: string }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unknown' };

/**
 * The access tokens of `/cgi-bin/token` and `/cgi-bin/stable_token`, each valid 7200 s on the
 * test clock. A new ordinary token leaves the older ones valid until they expire (WeChat keeps
 * the previous one 5 minutes); the stable token is the same until it expires or is refreshed.
 */
export class AccessTokenBook {
  constructor(private readonly options: AccessTokenBookOptions) {}

  async issue(appid: string): Promise<AccessTokenRecord> {
    const now = this.options.now();
    this.forgetExpired(now);
    const record: AccessTokenRecord = {
      token: `${randomString(4, '0123456789')}_${randomString(130)}`,
      appid,
      issuedAt: now,
      expiresAt: now + ACCESS_TOKEN_LIFETIME_S * 1000,
    };
    this.options.tokens.set(record.token, record);
    await this.options.save();
    return record;
  }

  /** The app's latest token while valid (unless `forceRefresh`), else a new one. */
  async stable(appid: string, forceRefresh: boolean): Promise<AccessTokenRecord> {
    const now = this.options.now();
    let latest: AccessTokenRecord | undefined;
    for (const record of this.options.tokens.values()) {
      if (record.appid === appid && (!latest || record.issuedAt > latest.issuedAt)) latest = record;
    }
    if (latest && !forceRefresh && latest.expiresAt > now) return latest;
    return this.issue(appid);
  }

  lookup(token: string): TokenLookup {
    const record = this.options.tokens.get(token);
    if (!record) return { kind: 'unknown' };
    if (record.expiresAt <= this.options.now()) return { kind: 'expired' };
    return { kind: 'valid', appid: record.appid };
  }

  /** Tokens expired a day ago are forgotten (until then they answer 42001, expired). */
  private forgetExpired(now: number): void {
    for (const [token, record] of this.options.tokens) {
      if (record.expiresAt + FORGET_AFTER_MS <= now) this.options.tokens.delete(token);
    }
  }
}

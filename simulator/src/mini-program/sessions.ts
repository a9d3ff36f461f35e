import { createHash, randomBytes } from 'node:crypto';
import { hmacSha256Valid } from '../crypto/hmac';

/** A user's login session: the session_key the platform gave the merchant for them. */
export interface SessionRecord {
  readonly openid: string;
  /** Base64 of 16 random bytes, as WeChat's session_key. */
  readonly sessionKey: string;
  /** ms on the test clock. */
  readonly createdAt: number;
}

export interface SessionBookOptions {
  readonly sessions: Map<string, SessionRecord>;
  readonly now: () => number;
  readonly save: () => Promise<void>;
  readonly changed: (openid: string) => void;
}

/**
 * The platform half of login (code2Session): a code names its user, the same code always the
 * same openid; a user's session_key is made at their first login and kept, so that the
 * signatures a merchant makes with it (virtual and B2b payment's `signature`) verify.
 */
export class SessionBook {
  constructor(private readonly options: SessionBookOptions) {}

  /** The user a `wx.login` code names, with their session (made at first use). */
  async login(code: string): Promise<SessionRecord> {
    const openid = openidForCode(code);
    const existing = this.options.sessions.get(openid);
    if (existing) return existing;
    const session: SessionRecord = {
      openid,
      sessionKey: randomBytes(16).toString('base64'),
      createdAt: this.options.now(),
    };
    this.options.sessions.set(openid, session);
    this.options.changed(openid);
    await this.options.save();
    return session;
  }

  sessionKeyOf(openid: string): string | undefined {
    return this.options.sessions.get(openid)?.sessionKey;
  }

  /** The user whose session_key makes `signature` (hmac_sha256(session_key, data)), if any. */
  userWhoSigned(data: string, signature: string): string | undefined {
    for (const session of this.options.sessions.values()) {
      if (hmacSha256Valid(session.sessionKey, data, signature)) return session.openid;
    }
    return undefined;
  }

  list(): SessionRecord[] {
    return [...this.options.sessions.values()];
  }
}

/** 28 characters starting with `o`, like a real openid, the same for the same code. */
export function openidForCode(code: string): string {
  const digest = createHash('sha256').update(`mock-openid:${code}`, 'utf8').digest('base64url');
  return `o${digest.slice(0, 27)}`;
}

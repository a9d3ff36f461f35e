import { createHash, randomBytes } from 'node:crypto';
import type { BackendState, UserSession } from '../storage/state';

/**
 * The simulated WeChat login service: code2session and the session_key it issued per openid.
 * The same code always gives the same openid; a user's session_key stays the same once issued.
 */
export class LoginService {
  constructor(
    private readonly state: BackendState,
    private readonly commit: () => Promise<void>,
    private readonly now: () => number,
  ) {}

  async code2Session(code: string): Promise<UserSession> {
    return this.ensureSession(openidForCode(code));
  }

  async ensureSession(openid: string): Promise<UserSession> {
    const existing = this.state.sessions.get(openid);
    if (existing) return existing;
    const session: UserSession = {
      openid,
      sessionKey: randomBytes(16).toString('base64'),
      createdAt: this.now(),
    };
    this.state.sessions.set(openid, session);
    await this.commit();
    return session;
  }

  sessionKeyOf(openid: string): string | undefined {
    return this.state.sessions.get(openid)?.sessionKey;
  }
}

/** 28 characters starting with `o`, like a real openid. */
export function openidForCode(code: string): string {
  const digest = createHash('sha256').update(`mock-openid:${code}`, 'utf8').digest('base64url');
  return `o${digest.slice(0, 27)}`;
}

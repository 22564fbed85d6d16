import { ApiRequestError } from '../lib/api.js';
import type { AccountsDict } from '../i18n/accounts-zh.js';

export interface LoginProblem {
  text: string;
  /** The password was right: ask for the TOTP or recovery code. */
  needsTotp: boolean;
}

/**
 * What to tell someone whose sign-in was refused. Wrong name, wrong password and a disabled
 * account read the same (the server never says which); a lock-out says when to try again.
 */
export function loginProblem(err: unknown, t: AccountsDict['login'], sentTotp: boolean): LoginProblem {
  if (!(err instanceof ApiRequestError)) return { text: err instanceof Error ? err.message : String(err), needsTotp: false };
  if (err.status === 429) return { text: t.locked(err.retryAfter ? Math.max(1, Math.ceil(err.retryAfter / 60)) : null), needsTotp: false };
  if (err.status === 401 && err.body?.totp === true) return { text: sentTotp ? t.invalidTotp : t.totpNeeded, needsTotp: true };
  if (err.status === 401) return { text: t.invalid, needsTotp: false };
  return { text: err.message, needsTotp: false };
}

import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords.js';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s: what every authenticator app speaks) and recovery codes. */

export const TOTP_ISSUER = 'yuqing';
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, username: string): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: username, secret });
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

/**
 * The time step a code matched (one step of clock drift either way), or null. `afterStep` is the
 * last step accepted for this user: a code is good once, so one seen over a shoulder cannot be replayed.
 */
export async function verifyTotp(secret: string, code: string, afterStep: number | null, nowMs = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({
      secret,
      token: code,
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: 30,
      ...(afterStep !== null && { afterTimeStep: afterStep }),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    return null;
  }
}

const B32 = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7m2q-xp4rt` (50 bits each); only their Argon2 hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const s = [...bytes].map((b) => B32[b % B32.length]).join('');
    return `${s.slice(0, 5)}-${s.slice(5, 10)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/\s+/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(normaliseRecoveryCode(code));
}

export const hashRecoveryCode = (code: string) => hashPassword(normaliseRecoveryCode(code));
export const recoveryCodeMatches = (stored: string, code: string) => verifyPassword(stored, normaliseRecoveryCode(code));

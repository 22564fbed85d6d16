import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random, hashing and comparison primitives for credentials: one place, all constant-time where it matters. */

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Constant-time equality of two strings. Both sides are hashed first, so the comparison time does
 * not even depend on the lengths (timingSafeEqual needs equal-length inputs).
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

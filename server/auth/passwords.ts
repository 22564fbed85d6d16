import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

/**
 * Argon2id (OWASP's recommended parameters: 19 MiB, 2 passes, 1 lane) and the password policy.
 * The policy lives in the environment (YUQING_PASSWORD_MIN_LENGTH, YUQING_PASSWORD_MIN_CLASSES).
 */
// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax): 2 = Argon2id.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a refusal, not a server error.
    return false;
  }
}

/** Verified against when the user does not exist, so a wrong name takes as long as a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('not a real password, only for timing');
  await verifyPassword(await dummy, password);
}

export interface PasswordPolicy {
  minLength: number;
  /** Of lower-case, upper-case, digits, everything else. */
  minClasses: number;
}

/** What is wrong with a password (empty: acceptable). Messages are shown to the user as they are. */
export function passwordProblems(password: string, policy: PasswordPolicy, username?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) problems.push(`at least ${policy.minLength} characters`);
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push(`at least ${policy.minClasses} of: lower-case letters, upper-case letters, digits, other characters`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain the username');
  return problems;
}

const SETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!@#%+='];

/** A random one-time password that meets any policy up to 24 characters and 4 classes (unambiguous characters). */
export function generatePassword(length = 20): string {
  const chars = SETS.map((s) => s[randomInt(s.length)]!);
  const all = SETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

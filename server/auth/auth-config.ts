import type { Env } from '../../shared/config/env.js';
import type { PasswordPolicy } from './passwords.js';

/** The accounts settings from the environment, in the units the code uses. */
export interface AuthConfig {
  policy: PasswordPolicy;
  maxFailures: number;
  failureWindowMs: number;
  lockMs: number;
  idleMs: number;
  maxAgeMs: number;
  auditRetentionDays: number;
}

export function authConfigFrom(env: Env): AuthConfig {
  return {
    policy: { minLength: env.YUQING_PASSWORD_MIN_LENGTH, minClasses: env.YUQING_PASSWORD_MIN_CLASSES },
    maxFailures: env.YUQING_LOGIN_MAX_FAILURES,
    failureWindowMs: env.YUQING_LOGIN_WINDOW_MINUTES * 60_000,
    lockMs: env.YUQING_LOCKOUT_MINUTES * 60_000,
    idleMs: env.YUQING_SESSION_IDLE_MINUTES * 60_000,
    maxAgeMs: env.YUQING_SESSION_MAX_HOURS * 3_600_000,
    auditRetentionDays: env.YUQING_AUDIT_RETENTION_DAYS,
  };
}

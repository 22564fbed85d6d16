import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/contracts/auth.js';
import type { QueryValue } from '../lib/api.js';

/** The audit log's filters as the page's URL carries them (ISO instants, so a link is exact). */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: AuditAction;
}

function iso(value: string | null): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Reads the filters from the URL; anything unreadable is dropped rather than sent. */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const action = params.get('action');
  const actor = params.get('actor')?.trim().slice(0, 64);
  return {
    from: iso(params.get('from')),
    to: iso(params.get('to')),
    actor: actor || undefined,
    action: action && (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : undefined,
  };
}

/** The filters as query values for the URL, GET /audit and GET /audit.csv (same names). */
export function auditQuery(f: AuditFilter): Record<string, QueryValue> {
  return { from: f.from, to: f.to, actor: f.actor, action: f.action };
}

/** A range whose start is after its end finds nothing; the form says so instead. */
export function invalidRange(f: AuditFilter): boolean {
  return f.from !== undefined && f.to !== undefined && Date.parse(f.from) > Date.parse(f.to);
}

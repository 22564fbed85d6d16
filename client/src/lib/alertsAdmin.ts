import type { AlertRuleInput, AlertRuleView, AlertRuleVersionView, ContactPointInput, ContactPointView, DeliveryOutcome } from '../../../shared/contracts/alerts.js';
import { ApiRequestError, sendJson } from './api.js';

/** The administrator's side of the alerting API (server/notify/routes.ts), one function per call. */

export function saveRule(id: number | null, input: AlertRuleInput, version?: number): Promise<AlertRuleView> {
  if (id === null) return sendJson<AlertRuleView>('POST', '/alert-rules', input);
  // If-Match: an edit made from a stale copy is refused (409) instead of silently undoing someone else's change.
  return sendJson<AlertRuleView>('PUT', `/alert-rules/${id}`, input, version === undefined ? {} : { headers: { 'if-match': String(version) } });
}

export function deleteRule(id: number): Promise<{ deleted: true; version: number }> {
  return sendJson('DELETE', `/alert-rules/${id}`);
}

/** Whether a save was refused because the rule changed since it was loaded. */
export function isStaleEdit(err: unknown): boolean {
  return err instanceof ApiRequestError && (err.status === 409 || err.status === 412);
}

export type RuleVersions = { items: AlertRuleVersionView[] };

export function saveContactPoint(id: number | null, input: ContactPointInput | Record<string, unknown>): Promise<ContactPointView> {
  return id === null ? sendJson<ContactPointView>('POST', '/contact-points', input) : sendJson<ContactPointView>('PUT', `/contact-points/${id}`, input);
}

export function deleteContactPoint(id: number): Promise<{ deleted: true }> {
  return sendJson('DELETE', `/contact-points/${id}`);
}

/** One attempt to the receiver; a refusal (502) still carries the outcome with the receiver's reason. */
export async function sendTest(id: number): Promise<DeliveryOutcome> {
  try {
    return await sendJson<DeliveryOutcome>('POST', `/contact-points/${id}/test`);
  } catch (err) {
    const body = err instanceof ApiRequestError ? err.body : null;
    if (body && typeof body.status === 'string') return body as unknown as DeliveryOutcome;
    throw err;
  }
}

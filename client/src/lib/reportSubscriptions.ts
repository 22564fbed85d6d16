import type { ReportSubscriptionInput, ReportSubscriptionView } from '../../../shared/contracts/report-subscriptions.js';
import { sendJson } from './api.js';

/**
 * What the form sends: the contact point may still be unchosen (null), and the server, not the
 * form, says why a subscription is refused, so its words (the shared schema's) are what shows.
 */
export type SubscriptionDraft = Omit<ReportSubscriptionInput, 'contactPointId'> & { contactPointId: number | null };

export function saveSubscription(id: number | null, draft: SubscriptionDraft): Promise<ReportSubscriptionView> {
  return id === null ? sendJson('POST', '/reports/subscriptions', draft) : sendJson('PUT', `/reports/subscriptions/${id}`, draft);
}

export function deleteSubscription(id: number): Promise<{ deleted: boolean }> {
  return sendJson('DELETE', `/reports/subscriptions/${id}`);
}

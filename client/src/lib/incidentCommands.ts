import type { IncidentView } from '../../../shared/contracts/incidents.js';
import { postJson } from './api.js';

export type IncidentCommand =
  | { action: 'acknowledge'; body: Record<string, never> }
  | { action: 'assign'; body: { assignee: string } }
  | { action: 'status'; body: { status: string; note?: string } }
  | { action: 'clarification'; body: { uid: string } };

export interface CommandAnswer {
  changed: boolean;
  incident: IncidentView;
}

/** Sends one incident command, signed by the signed-in user; a refusal comes back as an ApiRequestError with the server's reason. */
export function sendIncidentCommand(id: number, command: IncidentCommand): Promise<CommandAnswer> {
  return postJson<CommandAnswer>(`/incidents/${id}/${command.action}`, command.body);
}

/** "4890123" → "weibo:4890123": officers paste bare Weibo ids; other platforms need the prefix. */
export function clarificationUid(input: string): string {
  const v = input.trim();
  return v.includes(':') ? v : `weibo:${v}`;
}

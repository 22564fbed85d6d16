import { ACTOR_HEADER, encodeActor, type IncidentView } from '../../../shared/contracts/incidents.js';
import type { ApiError } from '../../../shared/contracts/api.js';
import { ApiRequestError, apiUrl } from './api.js';

export type IncidentCommand =
  | { action: 'acknowledge'; body: Record<string, never> }
  | { action: 'assign'; body: { assignee: string } }
  | { action: 'status'; body: { status: string; note?: string } }
  | { action: 'clarification'; body: { uid: string } };

export interface CommandAnswer {
  changed: boolean;
  incident: IncidentView;
}

/** Sends one incident command as `actor`; a refusal comes back as an ApiRequestError with the server's reason. */
export async function sendIncidentCommand(id: number, command: IncidentCommand, actor: string): Promise<CommandAnswer> {
  let res: Response;
  try {
    res = await fetch(apiUrl(`/incidents/${id}/${command.action}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [ACTOR_HEADER]: encodeActor(actor) },
      body: JSON.stringify(command.body),
    });
  } catch (err) {
    throw new ApiRequestError(err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new ApiRequestError(body && typeof body.error === 'string' ? body.error : `${res.status} ${res.statusText}`, res.status);
  }
  return (await res.json()) as CommandAnswer;
}

/** "4890123" → "weibo:4890123": officers paste bare Weibo ids; other platforms need the prefix. */
export function clarificationUid(input: string): string {
  const v = input.trim();
  return v.includes(':') ? v : `weibo:${v}`;
}

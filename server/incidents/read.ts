import {
  LIVE_INCIDENTS_MAX,
  type IncidentDetail,
  type IncidentEvidence,
  type IncidentListQuery,
  type IncidentView,
} from '../../shared/contracts/incidents.js';
import { readStoredSignals } from '../../shared/contracts/rumour-signals.js';
import type { StoryView } from '../../shared/contracts/views.js';
import { byUrgency } from '../../shared/incidents/clock.js';
import { presentIncident, presentIncidentEvent, type IncidentRow } from '../../shared/store/incident-rows.js';
import { presentMention, presentStory } from '../../shared/store/rows.js';
import {
  incidentById,
  incidentEvents,
  incidentList,
  incidentsByIds,
  incidentsStillOpen,
  storyMentionsOutsideThread,
  storyResponsesByStance,
  storySpreaders,
  threadMentions,
} from '../../shared/store/repos/incidents.js';
import { mentionByUid } from '../../shared/store/repos/mentions.js';
import { storiesByIds, storySignals } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import { clarificationEffect } from './effect.js';

/** Incidents still needing work (not clarified, not dismissed) that a handover sheet lists at most. */
export const HANDOVER_MAX = 500;
const EVIDENCE_EACH = 5;
/** Mentions of one story read for the effect computation at most (a viral story is capped, newest dropped). */
const EFFECT_MAX_MENTIONS = 50_000;

async function present(db: Executor, rows: IncidentRow[], now: number): Promise<IncidentView[]> {
  const stories = new Map<string, StoryView>((await storiesByIds(db, rows.map((r) => r.story_id))).map((s) => [s.id, presentStory(s)]));
  return rows.map((r) => presentIncident(r, stories.get(r.story_id) ?? null, now));
}

export async function listIncidents(db: Executor, q: IncidentListQuery, now: number): Promise<IncidentView[]> {
  return present(db, await incidentList(db, q.status ?? [], q.limit), now);
}

/** Everything not clarified or dismissed, most urgent first (see byUrgency). */
export async function openIncidentsByUrgency(db: Executor, now: number, limit = HANDOVER_MAX): Promise<IncidentView[]> {
  return (await present(db, await incidentsStillOpen(db, limit), now)).sort(byUrgency);
}

/** What the live snapshot carries. */
export async function liveIncidents(db: Executor, now: number): Promise<IncidentView[]> {
  return (await openIncidentsByUrgency(db, now, HANDOVER_MAX)).slice(0, LIVE_INCIDENTS_MAX);
}

export function incidentRow(db: Executor, id: number): Promise<IncidentRow | undefined> {
  return incidentById(db, id);
}

export async function incidentView(db: Executor, id: number, now: number): Promise<IncidentView | null> {
  const row = await incidentById(db, id);
  return row ? ((await present(db, [row], now))[0] ?? null) : null;
}

export async function incidentViews(db: Executor, ids: number[], now: number): Promise<IncidentView[]> {
  return present(db, await incidentsByIds(db, ids), now);
}

async function evidence(db: Executor, storyId: string): Promise<IncidentEvidence> {
  return {
    queries: (await storyResponsesByStance(db, storyId, 'query', EVIDENCE_EACH)).map(presentMention),
    denies: (await storyResponsesByStance(db, storyId, 'deny', EVIDENCE_EACH)).map(presentMention),
    spreaders: (await storySpreaders(db, storyId, EVIDENCE_EACH)).map(presentMention),
  };
}

/** The official answer the scorer detected on the story (signals.officialAnswer), if any. */
export async function detectedAnswer(db: Executor, storyId: string): Promise<{ uid: string; at: number } | null> {
  const a = readStoredSignals(await storySignals(db, storyId))?.officialAnswer;
  // A scorer state that cannot be read means no detected answer, not a broken incident page.
  return a ? { uid: a.uid, at: a.at } : null;
}

export async function incidentDetail(db: Executor, id: number, now: number): Promise<IncidentDetail | null> {
  const row = await incidentById(db, id);
  if (!row) return null;
  const incident = (await present(db, [row], now))[0]!;
  const events = (await incidentEvents(db, id)).map(presentIncidentEvent);
  const detected = row.clarification_uid ? null : await detectedAnswer(db, row.story_id);
  const clarUid = row.clarification_uid ?? detected?.uid ?? null;
  const clarRow = clarUid ? await mentionByUid(db, clarUid) : undefined;
  let effect: IncidentDetail['effect'] = null;
  if (clarUid && (clarRow || detected)) {
    effect = clarificationEffect({
      clarificationUid: clarUid,
      source: row.clarification_uid ? 'linked' : 'detected',
      at: clarRow?.created_at ?? detected!.at,
      now,
      story: await storyMentionsOutsideThread(db, row.story_id, clarUid, EFFECT_MAX_MENTIONS),
      clarificationThread: await threadMentions(db, clarUid, EFFECT_MAX_MENTIONS),
    });
  }
  return {
    incident,
    events,
    evidence: await evidence(db, row.story_id),
    clarification: clarRow ? presentMention(clarRow) : null,
    effect,
    knownIncident: row.known_incident_id === null ? null : await incidentView(db, row.known_incident_id, now),
  };
}

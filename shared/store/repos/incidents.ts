import type { IncidentStatus } from '../../contracts/incidents.js';
import type { IncidentEventRow, IncidentRow } from '../incident-rows.js';
import type { MentionRow } from '../rows.js';
import type { Executor } from '../store.js';
import { MENTION_COLUMNS } from './mentions.js';

const INCIDENT_COLUMNS = [
  'id', 'story_id', 'opened_at', 'status', 'status_note', 'assignee', 'acknowledged_at', 'acknowledged_by', 'clarification_uid',
  'known_incident_id', 'known_similarity', 'score_at_open', 'reasons_at_open', 'story_text', 'updated_at', 'closed_at',
] as const;

export async function incidentById(db: Executor, id: number): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').select(INCIDENT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function incidentsByIds(db: Executor, ids: readonly number[]): Promise<IncidentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('incidents').select(INCIDENT_COLUMNS).where('id', 'in', ids).execute();
}

/** Newest first, optionally only some statuses. */
export async function incidentList(db: Executor, statuses: readonly IncidentStatus[], limit: number): Promise<IncidentRow[]> {
  return db
    .selectFrom('incidents')
    .select(INCIDENT_COLUMNS)
    .$if(statuses.length > 0, (q) => q.where('status', 'in', statuses))
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Not clarified or dismissed, oldest first (the caller orders by urgency). */
export async function incidentsStillOpen(db: Executor, limit: number): Promise<IncidentRow[]> {
  return db
    .selectFrom('incidents')
    .select(INCIDENT_COLUMNS)
    .where('status', 'not in', ['clarified', 'dismissed'])
    .orderBy('opened_at', 'asc')
    .limit(limit)
    .execute();
}

export async function incidentEvents(db: Executor, incidentId: number): Promise<IncidentEventRow[]> {
  return db.selectFrom('incident_events').selectAll().where('incident_id', '=', incidentId).orderBy('id', 'asc').execute();
}

export type IncidentChange = Partial<
  Pick<IncidentRow, 'acknowledged_at' | 'acknowledged_by' | 'assignee' | 'status' | 'status_note' | 'closed_at' | 'clarification_uid' | 'updated_at'>
>;

export async function updateIncident(db: Executor, id: number, change: IncidentChange): Promise<void> {
  await db.updateTable('incidents').set(change).where('id', '=', id).execute();
}

export async function recordIncidentEvent(db: Executor, e: Omit<IncidentEventRow, 'id'>): Promise<void> {
  await db.insertInto('incident_events').values(e).execute();
}

/** Changes recorded at or after `at` (the live feed), oldest first. */
export async function incidentEventsSince(
  db: Executor,
  at: number,
  limit: number,
  after?: { at: number; id: number },
): Promise<Pick<IncidentEventRow, 'id' | 'incident_id' | 'action' | 'at'>[]> {
  return db
    .selectFrom('incident_events')
    .select(['id', 'incident_id', 'action', 'at'])
    .where('at', '>=', at)
    .$if(after !== undefined, (q) => q.where((eb) => eb(eb.refTuple('at', 'id'), '>', eb.tuple(after!.at, after!.id))))
    .orderBy('at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

export async function latestIncidentEventAt(db: Executor): Promise<number | null> {
  const r = await db.selectFrom('incident_events').select((eb) => eb.fn.max<number | null>('at').as('at')).executeTakeFirst();
  return r?.at === null || r?.at === undefined ? null : Number(r.at);
}

/** The most engaged responses of one stance in a story (evidence on the incident page). */
export async function storyResponsesByStance(db: Executor, storyId: string, stance: string, limit: number): Promise<MentionRow[]> {
  return db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.story_id', '=', storyId)
    .where('m.stance', '=', stance as MentionRow['stance'])
    .where('m.kind', '!=', 'post')
    .orderBy('m.engagement', 'desc')
    .orderBy('m.followers', 'desc')
    .orderBy('m.created_at', 'asc')
    .limit(limit)
    .execute();
}

/** The story's widest-reaching posts and reposts by accounts that are not official. */
export async function storySpreaders(db: Executor, storyId: string, limit: number): Promise<MentionRow[]> {
  return db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.story_id', '=', storyId)
    .where('m.kind', '!=', 'reply')
    .where('m.author_official', '=', 0)
    .orderBy('m.followers', 'desc')
    .orderBy('m.engagement', 'desc')
    .orderBy('m.created_at', 'asc')
    .limit(limit)
    .execute();
}

export type EffectRow = Pick<MentionRow, 'created_at' | 'kind' | 'stance' | 'followers'>;

/** A story's mentions outside one thread (the clarification's), oldest first. */
export async function storyMentionsOutsideThread(db: Executor, storyId: string, threadUid: string, limit: number): Promise<EffectRow[]> {
  return db
    .selectFrom('mentions')
    .select(['created_at', 'kind', 'stance', 'followers'])
    .where('story_id', '=', storyId)
    .where('thread_uid', '!=', threadUid)
    .orderBy('created_at', 'asc')
    .limit(limit)
    .execute();
}

export async function threadMentions(db: Executor, threadUid: string, limit: number): Promise<EffectRow[]> {
  return db.selectFrom('mentions').select(['created_at', 'kind', 'stance', 'followers']).where('thread_uid', '=', threadUid).limit(limit).execute();
}

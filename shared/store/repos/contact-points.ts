import type { Executor } from '../store.js';

/** Contact points: where alerts go. `secrets` is opaque here (the server encrypts it). */
export interface ContactPointRow {
  id: number;
  name: string;
  kind: string;
  settings: string;
  secrets: string | null;
  updated_at: number;
  updated_by: string;
}

const COLUMNS = ['id', 'name', 'kind', 'settings', 'secrets', 'updated_at', 'updated_by'] as const;

export async function listContactPoints(db: Executor): Promise<ContactPointRow[]> {
  return db.selectFrom('contact_points').select(COLUMNS).where('deleted', '=', 0).orderBy('id').execute();
}

export async function getContactPoint(db: Executor, id: number): Promise<ContactPointRow | undefined> {
  return db.selectFrom('contact_points').select(COLUMNS).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
}

export async function getContactPoints(db: Executor, ids: readonly number[]): Promise<ContactPointRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('contact_points').select(COLUMNS).where('id', 'in', [...ids]).where('deleted', '=', 0).execute();
}

export async function insertContactPoint(db: Executor, row: Omit<ContactPointRow, 'id'>): Promise<number> {
  const r = await db.insertInto('contact_points').values({ ...row, deleted: 0 }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Replaces the settings; `secrets` undefined keeps the stored ones (the API never sends them back). */
export async function updateContactPoint(db: Executor, id: number, row: Omit<ContactPointRow, 'id' | 'secrets'> & { secrets?: string | null }): Promise<boolean> {
  const r = await db.updateTable('contact_points').set(row).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Soft delete: deliveries in the log keep naming it. */
export async function deleteContactPoint(db: Executor, id: number, at: number, by: string): Promise<boolean> {
  const r = await db.updateTable('contact_points').set({ deleted: 1, secrets: null, updated_at: at, updated_by: by }).where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

import type { Executor } from '../store.js';

/** A setting's stored value (JSON text), or undefined when none was saved. */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

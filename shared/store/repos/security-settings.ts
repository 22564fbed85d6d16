import { ROLES, type Role } from '../../contracts/roles.js';
import type { Executor } from '../store.js';

/** Security settings an administrator changes at run time (stored in `settings` under one key). */

const KEY = 'security';

export interface StoredSecuritySettings {
  totpRequiredRoles: Role[];
}

export async function readSecuritySettings(db: Executor): Promise<StoredSecuritySettings> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!r) return { totpRequiredRoles: [] };
  try {
    const v = JSON.parse(r.value) as { totpRequiredRoles?: unknown };
    const roles = Array.isArray(v.totpRequiredRoles) ? v.totpRequiredRoles.filter((x): x is Role => (ROLES as readonly unknown[]).includes(x)) : [];
    return { totpRequiredRoles: roles };
  } catch {
    return { totpRequiredRoles: [] };
  }
}

export async function saveSecuritySettings(db: Executor, s: StoredSecuritySettings, by: string, now: number): Promise<void> {
  const value = JSON.stringify(s);
  await db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: by }))
    .execute();
}

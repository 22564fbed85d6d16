import { BUREAU_SETTING_KEY, DEFAULT_BUREAU, bureauSchema, type Bureau } from '../../contracts/reports.js';
import { topicConfigSchema } from '../../contracts/topics.js';
import { DEFAULT_TOPICS } from '../../topics/defaults.js';
import type { Executor } from '../store.js';

/**
 * The bureau's name in both languages, kept in settings under 'bureau' as JSON {"zh": …, "en": …}.
 * Until an administrator sets it, or when the stored value is unreadable, reports say DEFAULT_BUREAU.
 */
export async function readBureau(db: Executor): Promise<Bureau> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', BUREAU_SETTING_KEY).executeTakeFirst();
  if (!row) return DEFAULT_BUREAU;
  try {
    const r = bureauSchema.safeParse(JSON.parse(row.value));
    return r.success ? r.data : DEFAULT_BUREAU;
  } catch {
    return DEFAULT_BUREAU;
  }
}

export async function saveBureau(db: Executor, bureau: Bureau, by: string | null, now: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: BUREAU_SETTING_KEY, value: JSON.stringify(bureau), updated_at: now, updated_by: by })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}

/** Topic ids to their names in both languages: the saved configuration, else the shipped defaults. */
export async function readTopicNames(db: Executor): Promise<Map<string, { zh: string; en: string }>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'topics').executeTakeFirst();
  let cfg = topicConfigSchema.parse(DEFAULT_TOPICS);
  if (row) {
    try {
      const r = topicConfigSchema.safeParse(JSON.parse(row.value));
      if (r.success) cfg = r.data;
    } catch {
      // An unreadable saved configuration: the shipped names still label the report.
    }
  }
  return new Map(cfg.topics.map((t) => [t.id, t.name]));
}

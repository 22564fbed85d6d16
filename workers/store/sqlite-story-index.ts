import type { Statement } from 'better-sqlite3';
import type { StoryIndex } from '../stories/index.js';
import type { Db } from './open.js';

/**
 * The story index kept in the store, so every worker process clusters against the same stories.
 * Used only inside the batch's write transaction, which serialises workers and keeps it consistent.
 */
export class SqliteStoryIndex implements StoryIndex {
  private readonly byRoot: Statement<[string], { story_id: string }>;
  private readonly insertRoot: Statement<[string, string]>;
  private readonly insertBand: Statement<[string, string, string]>;
  private readonly db: Db;
  /** Candidate queries by number of bands (a signature always has the same count, so this stays tiny). */
  private readonly candidateQueries = new Map<number, Statement<string[], { story_id: string; hash: string }>>();

  constructor(db: Db) {
    this.db = db;
    this.byRoot = db.prepare('SELECT story_id FROM story_roots WHERE root_uid = ?');
    this.insertRoot = db.prepare('INSERT OR IGNORE INTO story_roots (root_uid, story_id) VALUES (?, ?)');
    this.insertBand = db.prepare('INSERT OR IGNORE INTO story_bands (band, story_id, hash) VALUES (?, ?, ?)');
  }

  storyOfRoot(rootUid: string): string | undefined {
    return this.byRoot.get(rootUid)?.story_id;
  }

  candidates(bands: string[]): { storyId: string; hash: string }[] {
    if (bands.length === 0) return [];
    let query = this.candidateQueries.get(bands.length);
    if (!query) {
      // A rumour that was flagged and then answered by an official account is closed to new posts:
      // the same claim posted again starts a story of its own, to be flagged (and recognised as a
      // known rumour) afresh rather than vanish into the answered one.
      query = this.db.prepare(
        `SELECT DISTINCT b.story_id, b.hash FROM story_bands b JOIN stories s ON s.id = b.story_id
         WHERE b.band IN (${bands.map(() => '?').join(',')}) AND NOT (s.candidate = 1 AND s.official_replied = 1) LIMIT 64`,
      );
      this.candidateQueries.set(bands.length, query);
    }
    return query.all(...bands).map((r) => ({ storyId: r.story_id, hash: r.hash }));
  }

  add(entry: { storyId: string; rootUid: string; hash: string | null; bands: string[] }): void {
    this.insertRoot.run(entry.rootUid, entry.storyId);
    if (entry.hash === null) return;
    for (const band of entry.bands) this.insertBand.run(band, entry.storyId, entry.hash);
  }
}

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const run = promisify(execFile);
let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => sys?.stop());


function yuqingImport(file: string, ...args: string[]) {
  return run('node', ['bin/yuqing.mjs', 'import', file, ...args], { env: sys.env });
}

describe('yuqing import', () => {
  it('imports JSON Lines, reports bad lines, and changes nothing when run twice', async () => {
    const file = path.join(sys.dataDir, 'batch.jsonl');
    const good = makeMentions(30, 'imp');
    const lines = good.map((m) => JSON.stringify(m));
    lines.splice(5, 0, '{broken json');
    lines.splice(10, 0, JSON.stringify({ id: 'no-text', platform: 'weibo', kind: 'post', createdAt: new Date().toISOString() }));
    writeFileSync(file, `${lines.join('\n')}\n`);

    const first = await yuqingImport(file);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/30 mentions queued, 2 rejected/);
    await eventually(async () => ((await sys.storedCount()) === 30 ? true : undefined), '30 stored');

    const second = await yuqingImport(file);
    expect(second.stderr).toMatch(/already imported/);
    const forced = await yuqingImport(file, '--force');
    expect(forced.stderr).toMatch(/30 mentions queued/);
    // Queued again on purpose, yet stored once: wait for the queue to drain, then count.
    await sys.drained();
    expect(await sys.storedCount()).toBe(30);
  });

  it('imports CSV with flattened author and metric columns', async () => {
    const file = path.join(sys.dataDir, 'batch.csv');
    const now = new Date().toISOString();
    writeFileSync(
      file,
      'id,platform,kind,text,createdAt,author_id,author_official,author_followers,likes\n' +
        `csv-1,weibo,post,"江城警方提醒：谨防电信诈骗, 不要轻信陌生来电",${now},jcgaj,true,120000,35\n` +
        `csv-2,weibo,reply,"说得好""赞""",${now},u1,,,\n` +
        `csv-3,weibo,post,,${now},u2,,,\n`,
    );
    const out = await yuqingImport(file);
    expect(out.stderr).toMatch(/2 mentions queued, 1 rejected/);
    const found = await eventually(async () => {
      const page = (await (await sys.fetch(`/api/v1/mentions?platform=weibo&q=${encodeURIComponent('电信诈骗')}`)).json()) as {
        items: { id: string; author: { official: boolean; followers: number }; metrics: { likes: number } }[];
      };
      return page.items.find((m) => m.id === 'csv-1');
    }, 'the CSV mention');
    expect(found.author).toMatchObject({ official: true, followers: 120000 });
    expect(found.metrics.likes).toBe(35);
  });

  it('explains a missing file', async () => {
    await expect(yuqingImport('/nonexistent/file.jsonl')).rejects.toMatchObject({ stderr: expect.stringMatching(/no such file/) });
  });
});

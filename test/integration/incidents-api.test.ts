import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentList, IncidentLiveEvent, IncidentView, HandoverSheet } from '../../shared/contracts/incidents.js';
import type { ClientToServerEvents, LiveSnapshot, ServerToClientEvents } from '../../shared/contracts/live.js';
import { minutesAgoIso } from '../fixtures/mentions.js';
import { clarificationPost, rumourOutbreak } from './incidents-outbreak.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';
import { login, createTestUser, type Credentials } from '../support/accounts.js';

let sys: TestSystem;
// Officers are signed-in users now: the actor of a command is the username.
const officers = new Map<string, Credentials>();
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
const api = (path: string) => `${sys.baseUrl}/api/v1${path}`;
const get = async <T>(path: string): Promise<T> => {
  const res = await sys.fetch(api(path));
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
const command = (id: number, action: string, body: unknown, user: string | null = 'zhang') =>
  fetch(api(`/incidents/${id}/${action}`), {
    method: 'POST',
    headers: user === null ? { 'content-type': 'application/json' } : officers.get(user)!.headers(),
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  sys = await startSystem();
  for (const name of ['zhang', 'li']) {
    const u = await createTestUser(sys.dataDir, ['duty_officer'], { username: name });
    officers.set(name, await login(sys.baseUrl, u.username, u.password));
  }
});
afterAll(async () => {
  socket?.close();
  await sys?.stop();
});

describe('rumour incidents through the API', () => {
  it('opens exactly one incident for an outbreak, pushes it live, and records every change with who and when', async () => {
    socket = connect(sys.baseUrl, sys.socketOptions());
    const snapshots: LiveSnapshot[] = [];
    const pushed: IncidentLiveEvent[] = [];
    socket.on('snapshot', (s) => snapshots.push(s));
    socket.on('incident', (e) => pushed.push(e));
    const first = await eventually(() => snapshots[0], 'a snapshot');
    expect(first.incidents).toEqual([]);

    const run = `inc${Date.now().toString(36)}`;
    const outbreak = rumourOutbreak(run);
    expect((await sys.postMentions(outbreak)).status).toBe(202);
    const list = await eventually(async () => {
      const l = await get<IncidentList>('/incidents');
      return l.items.length > 0 ? l : undefined;
    }, 'an incident for the outbreak');
    expect(list.items).toHaveLength(1);
    const inc = list.items[0]!;
    expect(inc).toMatchObject({ status: 'open', acknowledgedAt: null, assignee: null, knownIncidentId: null });
    expect(inc.story?.rootUid).toBe(`weibo:${run}-root`);
    expect(inc.storyText).toContain('人贩子');
    expect(inc.clock).toMatchObject({ level: 'ok', marksPassed: 0, stopped: false, next: { hours: 5 } });

    // Pushed to the open dashboard, flagged as new.
    const opened = await eventually(() => pushed.find((e) => e.kind === 'opened'), 'an incident event on the live channel');
    expect(opened.incident.id).toBe(inc.id);

    // The same batch again (a client retry) and more replies: still one incident.
    expect((await sys.postMentions(outbreak)).status).toBe(202);
    const more = [0, 1, 2].map((i) => ({
      id: `${run}-late${i}`, platform: 'weibo', kind: 'reply', parentId: `${run}-root`, rootId: `${run}-root`,
      text: '真的假的？求官方回应', createdAt: minutesAgoIso(2, Date.now()),
    }));
    expect((await sys.postMentions(more)).status).toBe(202);
    await eventually(async () => {
      const d = await get<IncidentDetail>(`/incidents/${inc.id}`);
      return d.incident.story && d.incident.story.replies >= 13 ? true : undefined;
    }, 'the late replies stored');
    expect((await get<IncidentList>('/incidents')).items).toHaveLength(1);

    // Detail: story, evidence, clock, history.
    let detail = await get<IncidentDetail>(`/incidents/${inc.id}`);
    expect(detail.evidence.queries.length).toBeGreaterThan(0);
    expect(detail.evidence.queries.every((m) => m.tags.stance === 'query')).toBe(true);
    expect(detail.evidence.denies.every((m) => m.tags.stance === 'deny')).toBe(true);
    expect(detail.evidence.spreaders[0]?.author.followers).toBe(400_000);
    expect(detail.events.map((e) => [e.actor, e.action])).toEqual([['system', 'opened']]);
    expect(detail.effect).toBeNull();

    // Commands need a signed-in officer, and validate what they are given.
    expect((await command(inc.id, 'acknowledge', {}, null)).status).toBe(401);
    expect((await command(inc.id, 'status', { status: 'clarified' })).status).toBe(400);
    expect(await (await command(inc.id, 'status', { status: 'dismissed', note: '' })).json()).toMatchObject({ error: expect.stringMatching(/note/) });
    expect((await command(inc.id, 'status', { status: 'bogus' })).status).toBe(400);
    expect((await command(999_999, 'acknowledge', {})).status).toBe(404);
    expect((await command(inc.id, 'clarification', { uid: `weibo:${run}-nothing` })).status).toBe(422);
    const badToken = await fetch(api(`/incidents/${inc.id}/acknowledge`), { method: 'POST', headers: { authorization: 'Bearer nope' } });
    expect(badToken.status).toBe(403);
    // A signed-in user must prove the request comes from our page (CSRF header).
    const noCsrf = await fetch(api(`/incidents/${inc.id}/acknowledge`), { method: 'POST', headers: { 'content-type': 'application/json', cookie: officers.get('zhang')!.cookie }, body: '{}' });
    expect(noCsrf.status).toBe(403);

    const ack = await command(inc.id, 'acknowledge', {});
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ changed: true, incident: { acknowledgedBy: 'zhang' } });
    // A second acknowledgement changes nothing and records nothing.
    expect(await (await command(inc.id, 'acknowledge', {}, 'li')).json()).toMatchObject({ changed: false, incident: { acknowledgedBy: 'zhang' } });
    expect((await command(inc.id, 'assign', { assignee: '李警官' })).status).toBe(200);
    expect((await command(inc.id, 'status', { status: 'verifying', note: '已联系学校核实' }, 'li')).status).toBe(200);
    // A token (here the ingest one) cannot command: the actor of a command is always a signed-in user.
    const byTool = await fetch(api(`/incidents/${inc.id}/status`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sys.token}` },
      body: JSON.stringify({ status: 'watching' }),
    });
    expect(byTool.status).toBe(403);
    expect((await command(inc.id, 'status', { status: 'watching' })).status).toBe(200);

    // The official clarification: ingest it, link it, close the incident.
    expect((await sys.postMentions([clarificationPost(run)])).status).toBe(202);
    const clarUid = `weibo:${run}-clar`;
    await eventually(async () => ((await sys.fetch(api(`/threads/${encodeURIComponent(clarUid)}`))).status === 200 ? true : undefined), 'the clarification stored');
    expect((await command(inc.id, 'clarification', { uid: clarUid })).status).toBe(200);
    const closed = await command(inc.id, 'status', { status: 'clarified', note: '江城警方已发布辟谣通报' });
    expect(await closed.json()).toMatchObject({ changed: true, incident: { status: 'clarified', statusNote: '江城警方已发布辟谣通报', clock: { stopped: true } } });

    detail = await get<IncidentDetail>(`/incidents/${inc.id}`);
    expect(detail.events.map((e) => [e.actor, e.action, e.to])).toEqual([
      ['system', 'opened', 'open'],
      ['zhang', 'acknowledged', 'zhang'],
      ['zhang', 'assigned', '李警官'],
      ['li', 'status', 'verifying'],
      ['zhang', 'status', 'watching'],
      ['zhang', 'clarification', clarUid],
      ['zhang', 'status', 'clarified'],
    ]);
    expect(detail.events[3]?.note).toBe('已联系学校核实');
    expect(detail.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(detail.clarification?.uid).toBe(clarUid);
    expect(detail.effect).toMatchObject({ clarificationUid: clarUid, source: 'linked', reach: { clarification: 2_000_000 } });
    expect(detail.effect!.mentions.before).toBeGreaterThanOrEqual(14);
    expect(detail.effect!.reach.rumour).toBeGreaterThan(1_000_000);

    // Closed incidents leave the handover sheet; the change was pushed live too.
    expect((await get<HandoverSheet>('/incidents/handover')).items.map((i: IncidentView) => i.id)).not.toContain(inc.id);
    await eventually(() => pushed.find((e) => e.kind === 'updated' && e.incident.status === 'clarified'), 'the closing pushed live');
    expect((await get<IncidentList>('/incidents?status=clarified')).items.map((i) => i.id)).toEqual([inc.id]);
    expect((await get<IncidentList>('/incidents?status=open,verifying')).items).toEqual([]);
    expect((await sys.fetch(api('/incidents?status=nope'))).status).toBe(400);
    expect((await sys.fetch(api('/incidents/abc'))).status).toBe(400);

    // The same hoax told again in other words (a new story: too different to be clustered with the
    // first) is recognised at once, with a link to the earlier answer.
    const again = `${run}b`;
    const retold = rumourOutbreak(again).map((m) =>
      m.kind === 'post' ? { ...m, text: '家长群里都在传：江城东湖区实验小学门口有人贩子抢孩子！面包车没挂牌照，大家接孩子一定要当面接，转发周知' } : m,
    );
    expect((await sys.postMentions(retold)).status).toBe(202);
    const second = await eventually(async () => {
      const l = await get<IncidentList>('/incidents?status=open');
      return l.items[0];
    }, 'an incident for the retold hoax');
    expect(second.knownIncidentId).toBe(inc.id);
    const secondDetail = await get<IncidentDetail>(`/incidents/${second.id}`);
    expect(secondDetail.knownIncident).toMatchObject({ id: inc.id, status: 'clarified', clarificationUid: clarUid });
    const sheet = await get<HandoverSheet>('/incidents/handover');
    expect(sheet.items.map((i) => i.id)).toEqual([second.id]);
  });
});

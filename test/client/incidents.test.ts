import { describe, expect, it } from 'vitest';
import { readReasons } from '../../client/src/incidents/ReasonList.js';
import { clarificationUid } from '../../client/src/lib/incidentCommands.js';
import { mergeIncident, needingAcknowledgement } from '../../client/src/live/mergeIncidents.js';
import type { IncidentView } from '../../shared/contracts/incidents.js';
import { responseClock } from '../../shared/incidents/clock.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 0, 10, 8, 0, 0);

function incident(id: number, openedHoursAgo: number, over: Partial<IncidentView> = {}): IncidentView {
  const opened = NOW - openedHoursAgo * H;
  return {
    id, storyId: `st_${id}`, status: 'open', statusNote: null, openedAt: new Date(opened).toISOString(),
    updatedAt: new Date(opened).toISOString(), closedAt: null, assignee: null, acknowledgedAt: null, acknowledgedBy: null,
    clarificationUid: null, knownIncidentId: null, knownSimilarity: null, scoreAtOpen: 0.8, reasonsAtOpen: null,
    storyText: `story ${id}`, clock: responseClock(opened, opened), story: null, ...over,
  };
}

describe('live incident list', () => {
  it('adds a pushed incident in urgency order with a fresh clock', () => {
    const list = mergeIncident([incident(1, 1)], { kind: 'opened', incident: incident(2, 4.5) }, NOW);
    expect(list.map((i) => i.id)).toEqual([2, 1]);
    expect(list[0]!.clock.level).toBe('warning');
  });

  it('replaces an incident by id, ignores an older copy, and drops it once closed', () => {
    const a = incident(1, 1);
    const acked = { ...a, acknowledgedAt: new Date(NOW).toISOString(), acknowledgedBy: 'x', updatedAt: new Date(NOW).toISOString() };
    let list = mergeIncident([a], { kind: 'updated', incident: acked }, NOW);
    expect(list).toHaveLength(1);
    expect(needingAcknowledgement(list)).toEqual([]);
    list = mergeIncident(list, { kind: 'updated', incident: a }, NOW);
    expect(list[0]!.acknowledgedBy).toBe('x');
    const closed = { ...acked, status: 'dismissed' as const, updatedAt: new Date(NOW + 1).toISOString() };
    expect(mergeIncident(list, { kind: 'updated', incident: closed }, NOW)).toEqual([]);
  });
});

describe('reasons from the scorer', () => {
  it('reads the scorer shape with examples, and older shapes', () => {
    const live = [{ signal: 'denials', weight: 0.8, value: 0.25, detail: '4 of 16 responses deny it', examples: [{ uid: 'weibo:1', text: '假的' }] }];
    expect(readReasons(live)).toEqual([{ signal: 'denials', label: 'denials', value: '0.25', detail: '4 of 16 responses deny it', examples: ['假的'] }]);
    expect(readReasons(['many denials'])[0]).toMatchObject({ label: 'many denials', signal: null });
    expect(readReasons({ queries: 6, note: { nested: true } })).toEqual([{ signal: null, label: 'queries', value: '6', detail: null, examples: [] }]);
    expect(readReasons(null)).toEqual([]);
  });
});

describe('clarification post ids', () => {
  it('takes a bare id as Weibo and keeps an explicit platform', () => {
    expect(clarificationUid(' 4890123 ')).toBe('weibo:4890123');
    expect(clarificationUid('douyin:abc')).toBe('douyin:abc');
  });
});

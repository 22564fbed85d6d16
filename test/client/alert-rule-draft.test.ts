import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema, contactPointInputSchema, type AlertKind, type AlertRuleView, type ContactPointView } from '../../shared/contracts/alerts.js';
import { cpBody, cpDraftOf, emptyCpDraft } from '../../client/src/admin/alerts/cpDraft.js';
import { draftOf, emptyDraft, splitWords, toInput, type RuleDraft } from '../../client/src/admin/alerts/ruleDraft.js';

const KINDS: AlertKind[] = ['keyword', 'surge', 'share_surge', 'new_incident', 'response_clock', 'answer_ineffective'];

/** What the form sends for each kind is what the server's schema accepts, and a saved rule comes back into the form unchanged. */
describe('the alert rule form state', () => {
  it('splits keywords on lines and either width of comma', () => {
    expect(splitWords('袭警，襲警\n assault , 、')).toEqual(['袭警', '襲警', 'assault']);
  });

  for (const kind of KINDS) {
    it(`sends a valid ${kind} rule and reads it back`, () => {
      const d: RuleDraft = {
        ...emptyDraft(),
        name: `rule ${kind}`,
        kind,
        keyword: { rules: [{ any: '袭警, 襲警', all: '', none: '演习' }, { any: '', all: '民警, 受伤', none: '' }], exclude: '电影' },
        numbers: kind === 'surge' ? { windowMinutes: '15', alpha: '1e-5', minCount: '', minRatio: '3' } : kind === 'share_surge' ? { minRise: '0.2' } : {},
        share: 'critical',
        marks: [24],
        scope: { topics: ['traffic'], regions: ['南山区'], platforms: ['weibo'], languages: ['zh'] },
        quietStart: '22:00',
        quietEnd: '07:00',
        contactPoints: [1, 2],
        escalationAfter: '10',
        escalationContactPoints: [3],
      };
      const parsed = alertRuleInputSchema.safeParse(toInput(d));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const cfg = parsed.data!;
      expect(cfg.condition.kind).toBe(kind);
      if (cfg.condition.kind === 'surge') expect(cfg.condition).toMatchObject({ windowMinutes: 15, alpha: 1e-5, minCount: 20, minRatio: 3 });
      if (cfg.condition.kind === 'share_surge') expect(cfg.condition).toMatchObject({ share: 'critical', minRise: 0.2 });
      if (cfg.condition.kind === 'response_clock') expect(cfg.condition.marks).toEqual([24]);
      if (cfg.condition.kind === 'keyword') expect(cfg.condition.rules[1]).toEqual({ any: [], all: ['民警', '受伤'], none: [] });
      expect(cfg.escalation).toEqual({ afterMinutes: 10, contactPoints: [3] });
      expect(cfg.quietHours).toEqual({ start: '22:00', end: '07:00' });

      const view: AlertRuleView = { ...cfg, id: 1, version: 2, updatedAt: new Date().toISOString(), updatedBy: 'admin' };
      const again = alertRuleInputSchema.parse(toInput(draftOf(view)));
      expect(again).toEqual(cfg);
    });
  }

  it('leaves escalation and quiet hours out when their fields are empty, and lets the server refuse a half-filled escalation', () => {
    const d = { ...emptyDraft(), name: 'x', keyword: { rules: [{ any: 'a', all: '', none: '' }], exclude: '' } };
    expect(alertRuleInputSchema.parse(toInput(d))).toMatchObject({ escalation: null, quietHours: null, cooldownMinutes: 15 });
    expect(alertRuleInputSchema.safeParse(JSON.parse(JSON.stringify(toInput({ ...d, escalationContactPoints: [2] })))).success).toBe(false);
  });
});

describe('the contact point form state', () => {
  it('sends a webhook with its secrets, and an edit without them leaves them out (the server keeps them)', () => {
    const d = { ...emptyCpDraft(), kind: 'webhook' as const, name: 'hook', url: 'http://127.0.0.1/h', secret: 's3cret' };
    expect(contactPointInputSchema.parse(cpBody(d))).toMatchObject({ kind: 'webhook', url: 'http://127.0.0.1/h', secret: 's3cret', quietHours: null });
    const saved: ContactPointView = { id: 4, name: 'hook', kind: 'webhook', quietHours: null, settings: {}, secrets: { url: 'set', secret: 'set' }, updatedAt: '', updatedBy: '' };
    const edit = cpDraftOf(saved);
    expect(edit.url).toBe('');
    expect(cpBody({ ...edit, name: 'renamed' })).toEqual({ kind: 'webhook', name: 'renamed', quietHours: null });
  });

  it('sends an SMTP contact point with its recipients and port as numbers', () => {
    const d = { ...emptyCpDraft(), kind: 'email' as const, name: 'mail', host: 'smtp.example.org', port: '465', secure: true, password: 'pw', from: 'a@example.org', to: 'b@example.org, c@example.org' };
    expect(contactPointInputSchema.parse(cpBody(d))).toMatchObject({ port: 465, secure: true, password: 'pw', to: ['b@example.org', 'c@example.org'] });
    const saved: ContactPointView = { id: 5, name: 'mail', kind: 'email', quietHours: { start: '23:00', end: '06:00' }, settings: { host: 'smtp.example.org', port: 465, secure: true, from: 'a@example.org', to: ['b@example.org'] }, secrets: { password: 'set' }, updatedAt: '', updatedBy: '' };
    const body = cpBody(cpDraftOf(saved));
    expect(body).not.toHaveProperty('password');
    expect(body).toMatchObject({ host: 'smtp.example.org', port: 465, to: ['b@example.org'], quietHours: { start: '23:00', end: '06:00' } });
  });
});

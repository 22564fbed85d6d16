import { describe, expect, it } from 'vitest';
import { parseAuditFilter, auditQuery, invalidRange } from '../../client/src/audit/auditFilter.js';
import { loginProblem } from '../../client/src/auth/loginError.js';
import { isServerPage, loginPath, safeNext, withNext } from '../../client/src/auth/next.js';
import { isGated, mayOpen, navPages } from '../../client/src/auth/pages.js';
import { localizeProblem } from '../../client/src/auth/policyProblems.js';
import { accountsEn } from '../../client/src/i18n/accounts-en.js';
import { accountsZh } from '../../client/src/i18n/accounts-zh.js';
import { ApiRequestError } from '../../client/src/lib/api.js';
import { safeHref } from '../../client/src/lib/links.js';
import { isAuthRefusal } from '../../client/src/live/authRefusal.js';
import { ROLES, type Role } from '../../shared/contracts/roles.js';

describe('mention links', () => {
  it('links only http(s) URLs', () => {
    expect(safeHref('https://weibo.com/123/abc')).toBe('https://weibo.com/123/abc');
    expect(safeHref('http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
    expect(safeHref(' HTTPS://Example.org/x ')).toBe('https://example.org/x');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '=HYPERLINK("http://evil.example","x")',
    '//evil.example/x',
    '/relative/path',
    'ftp://example.org/file',
    'file:///etc/passwd',
    '',
  ])('never links %j', (url) => {
    expect(safeHref(url)).toBeNull();
  });

  it('treats a missing url as no link', () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('where sign-in returns to', () => {
  it('keeps an in-app path with its query', () => {
    expect(safeNext('/analyst?q=%E8%BE%9F%E8%B0%A3', '/live')).toBe('/analyst?q=%E8%BE%9F%E8%B0%A3');
    expect(safeNext('/incidents/12', '/live')).toBe('/incidents/12');
  });

  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?next=/live', 'live', '', null, '/a\nb'])(
    'refuses %j',
    (next) => {
      expect(safeNext(next, '/home')).toBe('/home');
    },
  );

  it('builds the sign-in address that comes back here', () => {
    expect(loginPath('/incidents/3?tab=history')).toBe('/login?next=%2Fincidents%2F3%3Ftab%3Dhistory');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=/x')).toBe('/login');
    expect(withNext('/account/password', '/audit')).toBe('/account/password?next=%2Faudit');
    expect(withNext('/account/password', null)).toBe('/account/password');
  });

  it('knows the queue board is the server\'s page, reached with a whole page load', () => {
    expect(isServerPage('/admin/queues')).toBe(true);
    expect(isServerPage('/admin/queues?x=1')).toBe(true);
    for (const p of ['/admin/users', '/live', '/incidents/3', '/nowhere']) expect(isServerPage(p), p).toBe(false);
  });
});

describe('navigation from the shared PAGES table', () => {
  const expected: Record<Role, string[]> = {
    duty_officer: ['/live', '/incidents'],
    analyst: ['/analyst', '/review', '/incidents', '/agreement'],
    leader: ['/live', '/summary', '/reports', '/incidents'],
    admin: ['/admin/users', '/admin/tokens', '/admin/settings', '/admin/alert-rules', '/admin/contact-points', '/admin/report-delivery', '/admin/queues'],
    auditor: ['/audit'],
  };

  it.each(ROLES)('%s sees exactly its pages', (role) => {
    expect(navPages([role]).map((p) => p.path)).toEqual(expected[role]);
  });

  it('unites the pages of several roles', () => {
    expect(navPages(['duty_officer', 'auditor']).map((p) => p.path)).toEqual(['/live', '/incidents', '/audit']);
  });

  it('separates duties: the admin cannot open the audit log, the auditor nothing but it', () => {
    expect(mayOpen(['admin'], '/audit')).toBe(false);
    expect(mayOpen(['auditor'], '/audit')).toBe(true);
    for (const p of ['/live', '/analyst', '/summary', '/incidents', '/incidents/4', '/incidents/handover', '/admin/users', '/admin/tokens', '/review']) {
      expect(mayOpen(['auditor'], p), p).toBe(false);
    }
  });

  it('opens detail pages by their rule and the own account for everyone', () => {
    expect(mayOpen(['admin'], '/admin/alert-rules/new')).toBe(true);
    expect(mayOpen(['admin'], '/admin/contact-points/3')).toBe(true);
    for (const r of ['duty_officer', 'analyst', 'leader', 'auditor'] as const) expect(mayOpen([r], '/admin/alert-rules/3'), r).toBe(false);
    expect(mayOpen(['leader'], '/incidents/7')).toBe(true);
    expect(mayOpen(['admin'], '/incidents/7')).toBe(false);
    for (const r of ROLES) {
      expect(mayOpen([r], '/account')).toBe(true);
      expect(mayOpen([r], '/account/password')).toBe(true);
      expect(mayOpen([r], '/account/totp')).toBe(true);
    }
  });

  it('holds back a user with a pending password change or enrolment', () => {
    expect(isGated({ mustChangePassword: true, totpRequired: false, totpEnabled: false })).toBe(true);
    expect(isGated({ mustChangePassword: false, totpRequired: true, totpEnabled: false })).toBe(true);
    expect(isGated({ mustChangePassword: false, totpRequired: true, totpEnabled: true })).toBe(false);
    expect(isGated({ mustChangePassword: false, totpRequired: false, totpEnabled: false })).toBe(false);
  });
});

describe('sign-in messages', () => {
  const zh = accountsZh.login;
  it('reads the same for an unknown user, a wrong password and a disabled account', () => {
    const p = loginProblem(new ApiRequestError('invalid username or password', 401, { error: 'invalid username or password' }), zh, false);
    expect(p).toEqual({ text: zh.invalid, needsTotp: false });
  });

  it('asks for the second factor, then says when it was wrong', () => {
    const need = new ApiRequestError('second factor required', 401, { error: 'second factor required', totp: true });
    expect(loginProblem(need, zh, false)).toEqual({ text: zh.totpNeeded, needsTotp: true });
    const wrong = new ApiRequestError('invalid second factor', 401, { error: 'invalid second factor', totp: true });
    expect(loginProblem(wrong, zh, true)).toEqual({ text: zh.invalidTotp, needsTotp: true });
  });

  it('gives the lock-out with the wait in minutes from Retry-After', () => {
    const locked = new ApiRequestError('too many failed sign-ins; try again later', 429, null, 840);
    expect(loginProblem(locked, accountsEn.login, false).text).toBe('Too many failed sign-ins: temporarily locked. Try again in 14 minutes.');
    expect(loginProblem(new ApiRequestError('x', 429), zh, false).text).toContain('请稍后再试');
  });

  it('localizes the password policy problems the server names', () => {
    expect(localizeProblem('at least 12 characters', 'zh')).toBe('至少 12 个字符');
    expect(localizeProblem('at least 3 of: lower-case letters, upper-case letters, digits, other characters', 'zh')).toContain('3 类');
    expect(localizeProblem('must not contain the username', 'zh')).toBe('不得包含用户名');
    expect(localizeProblem('something new', 'zh')).toBe('something new');
    expect(localizeProblem('at least 12 characters', 'en')).toBe('at least 12 characters');
  });
});

describe('live channel refusals', () => {
  it.each(['unauthorized', 'not signed in', 'session ended', 'session timed out after inactivity', 'your role does not allow the live channel', 'forbidden', 'password change required', 'totp enrolment required'])('%j is about the session', (m) => {
    expect(isAuthRefusal(m)).toBe(true);
  });
  it.each(['xhr poll error', 'websocket error', 'timeout', 'server error', 'authentication unavailable'])('%j is the network', (m) => {
    expect(isAuthRefusal(m)).toBe(false);
  });
});

describe('audit filters in the URL', () => {
  it('keeps valid filters and drops the rest', () => {
    const f = parseAuditFilter(new URLSearchParams('from=2026-01-01T00:00:00.000Z&to=nonsense&actor=%20zhang%20&action=auth.login'));
    expect(f).toEqual({ from: '2026-01-01T00:00:00.000Z', to: undefined, actor: 'zhang', action: 'auth.login' });
    expect(parseAuditFilter(new URLSearchParams('action=drop.table')).action).toBeUndefined();
    expect(auditQuery(f)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: undefined, actor: 'zhang', action: 'auth.login' });
  });
  it('notices a range that ends before it starts', () => {
    expect(invalidRange({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(invalidRange({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toBe(false);
  });
});

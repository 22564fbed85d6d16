/**
 * Who may do what: the ONE policy table. The server's authorization middleware enforces every HTTP
 * request and every socket event from it; the client reads the same table to show only what the
 * signed-in user may use and to answer a forbidden page with a readable 403. A new route without a
 * rule here is refused (403) and fails the table-driven test (test/integration/authz-table.test.ts).
 *
 * Roles follow the separation of duties of MLPS 2.0 level 3 (三权分立): the system administrator
 * manages accounts and configuration but cannot read the audit log; the auditor reads only the
 * audit log. A user may hold several roles; permissions are the union.
 */

export const ROLES = ['duty_officer', 'analyst', 'leader', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Labels for the UI (zh-CN first, the working language of the bureau). */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  duty_officer: { zh: '值班员', en: 'Duty officer' },
  analyst: { zh: '研判员', en: 'Analyst' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'System administrator' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

export const PERMISSIONS = {
  /** Own account: /auth/me, logout, password change, TOTP enrolment. Every signed-in user has it. */
  accountSelf: 'account.self',
  /** Time zone, topic names, platforms and regions (the filters every page draws). */
  metaRead: 'meta.read',
  /** The live channel (socket) and the /live page. */
  liveRead: 'live.read',
  /** Mention search, stories (the analyst's list). Every search is audited with its query. */
  mentionsRead: 'mentions.read',
  /** CSV export of mentions (audited with its filter and row count). */
  mentionsExport: 'mentions.export',
  /** A mention's thread (replies and reposts). */
  threadsRead: 'threads.read',
  /** Time series and breakdowns. */
  statsRead: 'stats.read',
  /** The daily summary for leaders. */
  summaryRead: 'summary.read',
  /** Incident list, detail, handover sheet. */
  incidentsRead: 'incidents.read',
  /** Acknowledge, assign, set status, link clarification (each audited, signed by the user). */
  incidentsCommand: 'incidents.command',
  /** The review queue and analyst corrections of tags. */
  reviewWrite: 'review.write',
  /** The agreement report and the labels export. */
  reviewAgreement: 'review.agreement',
  /** Read the topic configuration. */
  topicsRead: 'topics.read',
  /** Change topic rules (audited). */
  topicsWrite: 'topics.write',
  /** Create, edit, disable users, reset passwords, assign roles. */
  usersManage: 'users.manage',
  /** Create and revoke named ingest and read tokens. */
  tokensManage: 'tokens.manage',
  /** Security settings (e.g. roles that must use TOTP). */
  settingsWrite: 'settings.write',
  /** The audit log and its CSV export. */
  auditRead: 'audit.read',
  /** Alerts raised by the rules (the bell on every view) and their acknowledgement. */
  alertsRead: 'alerts.read',
  /** Alert rules, contact points and their delivery log (secrets are never shown again). */
  alertsManage: 'alerts.manage',
  /** The BullMQ queue board (Bull Board at /admin/queues): jobs waiting, in hand, failed; retry and clean. */
  queuesManage: 'queues.manage',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS = Object.values(PERMISSIONS) as Permission[];

const P = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  duty_officer: [P.accountSelf, P.metaRead, P.liveRead, P.incidentsRead, P.incidentsCommand, P.alertsRead],
  analyst: [
    P.accountSelf,
    P.metaRead,
    P.mentionsRead,
    P.mentionsExport,
    P.threadsRead,
    P.statsRead,
    P.incidentsRead,
    P.reviewWrite,
    P.reviewAgreement,
    P.topicsRead,
    P.alertsRead,
  ],
  leader: [P.accountSelf, P.metaRead, P.summaryRead, P.liveRead, P.incidentsRead, P.statsRead, P.alertsRead],
  admin: [P.accountSelf, P.metaRead, P.topicsRead, P.topicsWrite, P.usersManage, P.tokensManage, P.settingsWrite, P.alertsRead, P.alertsManage, P.queuesManage],
  auditor: [P.accountSelf, P.auditRead],
};

/** API tokens (Authorization: Bearer) carry a scope instead of roles. */
export const TOKEN_SCOPES = ['ingest', 'read', 'metrics'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/**
 * `ingest` tokens only satisfy 'ingest-token' rules (POST /mentions); `metrics` tokens only
 * 'metrics-token' rules (GET /metrics, for a Prometheus server); `read` tokens get the read-only API
 * below (no export, no commands, no accounts, no audit log).
 */
export const TOKEN_SCOPE_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  ingest: [],
  metrics: [],
  read: [P.metaRead, P.mentionsRead, P.threadsRead, P.statsRead, P.summaryRead, P.incidentsRead, P.topicsRead],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r] ?? []) out.add(p);
  return out;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => (ROLE_PERMISSIONS[r] ?? []).includes(permission));
}

/**
 * What a route needs: a permission (signed-in user with a role granting it, or a read token whose
 * scope grants it), 'public' (anyone), 'ingest-token' (a named ingest token or the bootstrap
 * YUQING_INGEST_TOKEN; a signed-in user cannot ingest), or 'metrics-token' (a named metrics token,
 * or any request from an address in YUQING_METRICS_ALLOW: the network is then the credential).
 */
export type RouteRule = Permission | 'public' | 'ingest-token' | 'metrics-token';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteEntry {
  method: HttpMethod;
  /** Full path as express declares it (API_PREFIX included), `:name` for one path segment. */
  path: string;
  rule: RouteRule;
  /**
   * The path and everything below it (a mounted third-party app, e.g. the queue board, whose own
   * routes are not ours to list one by one). Literal routes elsewhere still win.
   */
  subtree?: true;
}

const api = (method: HttpMethod, path: string, rule: RouteRule): RouteEntry => ({ method, path: `/api/v1${path}`, rule });

/** Every HTTP route the server registers. HEAD follows GET. Order does not matter (literal segments win over `:params`). */
export const ROUTES: readonly RouteEntry[] = [
  { method: 'GET', path: '/healthz', rule: 'public' },
  // Prometheus scrape (server/metrics/).
  { method: 'GET', path: '/metrics', rule: 'metrics-token' },
  // The BullMQ queue board (server/metrics/queue-board.ts): its page, files and API; the API's writes are retry, promote, clean, pause, edit a job.
  { method: 'GET', path: '/admin/queues', rule: P.queuesManage, subtree: true },
  { method: 'PUT', path: '/admin/queues', rule: P.queuesManage, subtree: true },
  { method: 'POST', path: '/admin/queues', rule: P.queuesManage, subtree: true },
  { method: 'PATCH', path: '/admin/queues', rule: P.queuesManage, subtree: true },

  // Sign-in and own account (shared/contracts/auth.ts).
  api('POST', '/auth/login', 'public'),
  api('POST', '/auth/logout', P.accountSelf),
  api('POST', '/auth/logout-all', P.accountSelf),
  api('GET', '/auth/me', P.accountSelf),
  api('POST', '/auth/password', P.accountSelf),
  api('GET', '/auth/totp/setup', P.accountSelf),
  api('POST', '/auth/totp/enable', P.accountSelf),
  api('POST', '/auth/totp/disable', P.accountSelf),

  // Administration.
  api('GET', '/users', P.usersManage),
  api('POST', '/users', P.usersManage),
  api('PATCH', '/users/:id', P.usersManage),
  api('POST', '/users/:id/reset-password', P.usersManage),
  api('GET', '/tokens', P.tokensManage),
  api('POST', '/tokens', P.tokensManage),
  api('DELETE', '/tokens/:id', P.tokensManage),
  api('GET', '/settings/security', P.settingsWrite),
  api('PUT', '/settings/security', P.settingsWrite),

  // Audit log.
  api('GET', '/audit', P.auditRead),
  api('GET', '/audit.csv', P.auditRead),

  // Ingest.
  api('POST', '/mentions', 'ingest-token'),

  // Mentions, stats, summary.
  api('GET', '/mentions', P.mentionsRead),
  api('GET', '/mentions/export.csv', P.mentionsExport),
  api('GET', '/threads/:uid', P.threadsRead),
  api('GET', '/stats/series', P.statsRead),
  api('GET', '/stats/breakdown', P.statsRead),
  api('GET', '/summary', P.summaryRead),
  // Alerts and where they are sent (server/notify/): read and acknowledged on duty; rules and contact points are the administrator's.
  api('GET', '/alerts', P.alertsRead),
  api('POST', '/alerts/:id/ack', P.alertsRead),
  api('GET', '/alerts/:id/deliveries', P.alertsManage),
  api('GET', '/alert-rules', P.alertsManage),
  api('POST', '/alert-rules', P.alertsManage),
  api('GET', '/alert-rules/:id', P.alertsManage),
  api('PUT', '/alert-rules/:id', P.alertsManage),
  api('DELETE', '/alert-rules/:id', P.alertsManage),
  api('GET', '/alert-rules/:id/versions', P.alertsManage),
  api('GET', '/contact-points', P.alertsManage),
  api('POST', '/contact-points', P.alertsManage),
  api('PUT', '/contact-points/:id', P.alertsManage),
  api('DELETE', '/contact-points/:id', P.alertsManage),
  api('POST', '/contact-points/:id/test', P.alertsManage),
  api('GET', '/contact-points/:id/deliveries', P.alertsManage),
  // Daily and weekly reports (shared/contracts/reports.ts): read and generated by leaders; the bureau's name is a setting.
  api('GET', '/reports/daily', P.summaryRead),
  api('GET', '/reports/weekly', P.summaryRead),
  api('GET', '/reports/archive', P.summaryRead),
  api('GET', '/reports/archive/:id', P.summaryRead),
  api('POST', '/reports/archive', P.summaryRead),
  api('GET', '/reports/bureau', P.summaryRead),
  api('PUT', '/reports/bureau', P.settingsWrite),
  // Which contact points receive the scheduled reports, and what was sent: administered with the contact points.
  api('GET', '/reports/subscriptions', P.alertsManage),
  api('POST', '/reports/subscriptions', P.alertsManage),
  api('PUT', '/reports/subscriptions/:id', P.alertsManage),
  api('DELETE', '/reports/subscriptions/:id', P.alertsManage),
  api('GET', '/reports/deliveries', P.alertsManage),
  api('GET', '/stories', P.mentionsRead),

  // Incidents.
  api('GET', '/incidents', P.incidentsRead),
  api('GET', '/incidents/handover', P.incidentsRead),
  api('GET', '/incidents/:id', P.incidentsRead),
  api('POST', '/incidents/:id/acknowledge', P.incidentsCommand),
  api('POST', '/incidents/:id/assign', P.incidentsCommand),
  api('POST', '/incidents/:id/status', P.incidentsCommand),
  api('POST', '/incidents/:id/clarification', P.incidentsCommand),

  // Review of tags.
  api('POST', '/mentions/:uid/review', P.reviewWrite),
  api('GET', '/review', P.reviewWrite),
  api('GET', '/review/agreement', P.reviewAgreement),
  api('GET', '/review/labels.jsonl', P.reviewAgreement),

  // Configuration.
  api('GET', '/topics', P.topicsRead),
  api('PUT', '/topics', P.topicsWrite),
  api('GET', '/meta', P.metaRead),
];

/**
 * Socket.IO. `connection` is the handshake (session cookie required, same Origin); client→server
 * events are checked on arrival; server→client events are only sent to sockets whose user holds
 * the permission (the live room is joined only with live.read).
 */
export const SOCKET_EVENTS = {
  clientToServer: { connection: P.liveRead, resync: P.liveRead },
  serverToClient: { snapshot: P.liveRead, delta: P.liveRead, incident: P.liveRead, problem: P.liveRead, alert: P.alertsRead },
} as const satisfies Record<'clientToServer' | 'serverToClient', Record<string, Permission>>;

export interface PageEntry {
  /** react-router path (leading slash). */
  path: string;
  rule: Permission | 'public';
  /** Shown in the navigation bar (detail pages are not). */
  nav: boolean;
  /** Served by the server, not the dashboard (the queue board): navigation loads it as a whole page. */
  server?: true;
}

/** The client's pages: navigation shows those the user may open; the others answer the 403 page. */
export const PAGES: readonly PageEntry[] = [
  { path: '/login', rule: 'public', nav: false },
  { path: '/account', rule: P.accountSelf, nav: false },
  { path: '/live', rule: P.liveRead, nav: true },
  { path: '/wall', rule: P.liveRead, nav: false },
  { path: '/analyst', rule: P.mentionsRead, nav: true },
  { path: '/review', rule: P.reviewWrite, nav: true },
  { path: '/summary', rule: P.summaryRead, nav: true },
  { path: '/reports', rule: P.summaryRead, nav: true },
  { path: '/incidents', rule: P.incidentsRead, nav: true },
  { path: '/incidents/handover', rule: P.incidentsRead, nav: false },
  { path: '/incidents/:id', rule: P.incidentsRead, nav: false },
  { path: '/agreement', rule: P.reviewAgreement, nav: true },
  { path: '/admin/users', rule: P.usersManage, nav: true },
  { path: '/admin/tokens', rule: P.tokensManage, nav: true },
  { path: '/admin/settings', rule: P.settingsWrite, nav: true },
  { path: '/admin/alert-rules', rule: P.alertsManage, nav: true },
  { path: '/admin/alert-rules/:id', rule: P.alertsManage, nav: false },
  { path: '/admin/contact-points', rule: P.alertsManage, nav: true },
  { path: '/admin/contact-points/:id', rule: P.alertsManage, nav: false },
  // Who receives the scheduled reports, and what was sent (with the contact points, not with the reports' readers).
  { path: '/admin/report-delivery', rule: P.alertsManage, nav: true },
  { path: '/admin/queues', rule: P.queuesManage, nav: true, server: true },
  { path: '/audit', rule: P.auditRead, nav: true },
];

function segments(p: string): string[] {
  return p.split('/').filter((s) => s !== '');
}

/**
 * Matches `path` against an express-style pattern (`:name` = exactly one non-empty segment; a
 * `subtree` pattern also matches every path below it). Returns the count of literal segments
 * matched, or -1.
 */
function matchScore(pattern: string, path: string, subtree = false): number {
  const a = segments(pattern);
  const b = segments(path);
  if (subtree ? b.length < a.length : a.length !== b.length) return -1;
  let literal = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) continue;
    if (a[i] !== b[i]) return -1;
    literal++;
  }
  return literal;
}

function best<T extends { path: string; subtree?: true }>(entries: readonly T[], path: string): T | undefined {
  let found: T | undefined;
  let score = -1;
  for (const e of entries) {
    const s = matchScore(e.path, path, e.subtree === true);
    if (s > score) {
      score = s;
      found = e;
    }
  }
  return found;
}

/** The rule for a request (HEAD is treated as GET), or undefined when the table has none. */
export function findRoute(method: string, path: string): RouteEntry | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return best(
    ROUTES.filter((r) => r.method === m),
    path,
  );
}

/** The page entry for a client location path, or undefined (→ the client's 404 page). */
export function findPage(path: string): PageEntry | undefined {
  return best(PAGES, path);
}

/** Whether `roles` may open page `path` (unknown pages: true, so the 404 page shows). */
export function canOpenPage(roles: readonly Role[], path: string): boolean {
  const page = findPage(path);
  return !page || page.rule === 'public' || can(roles, page.rule);
}

/** Where `/` sends a signed-in user: the first navigation page their roles allow (else /account). */
export function homePath(roles: readonly Role[]): string {
  return PAGES.find((p) => p.nav && p.rule !== 'public' && can(roles, p.rule))?.path ?? '/account';
}

import { SECRET_FIELDS, type ContactPointKind, type ContactPointView } from '../../../../shared/contracts/alerts.js';
import { splitWords } from './ruleDraft.js';

/** The contact point form's state, as typed. Secret fields start empty: the API never returns them. */
export interface CpDraft {
  kind: ContactPointKind;
  name: string;
  url: string;
  secret: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  to: string;
  quietStart: string;
  quietEnd: string;
}

/** The fields each kind shows, in order. */
export const CP_FIELDS: Record<ContactPointKind, readonly (keyof CpDraft)[]> = {
  in_app: [],
  dingtalk: ['url', 'secret'],
  wecom: ['url'],
  feishu: ['url', 'secret'],
  webhook: ['url', 'secret'],
  email: ['host', 'port', 'secure', 'user', 'password', 'from', 'to'],
};

export function isSecret(kind: ContactPointKind, field: string): boolean {
  return (SECRET_FIELDS[kind] as readonly string[]).includes(field);
}

export function emptyCpDraft(): CpDraft {
  return { kind: 'webhook', name: '', url: '', secret: '', host: '', port: '587', secure: false, user: '', password: '', from: '', to: '', quietStart: '', quietEnd: '' };
}

export function cpDraftOf(cp: ContactPointView): CpDraft {
  const s = cp.settings;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return {
    ...emptyCpDraft(),
    kind: cp.kind,
    name: cp.name,
    host: str(s.host),
    port: str(s.port) || '587',
    secure: s.secure === true,
    user: str(s.user),
    from: str(s.from),
    to: Array.isArray(s.to) ? s.to.map(str).join(', ') : '',
    quietStart: cp.quietHours?.start ?? '',
    quietEnd: cp.quietHours?.end ?? '',
  };
}

/**
 * The API body. A secret left empty is left out, which on an edit keeps the stored value (and on
 * a create lets the server say it is required).
 */
export function cpBody(d: CpDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: d.kind, name: d.name, quietHours: d.quietStart === '' && d.quietEnd === '' ? null : { start: d.quietStart, end: d.quietEnd } };
  for (const f of CP_FIELDS[d.kind]) {
    const v = d[f];
    if (f === 'port') body.port = Number(v);
    else if (f === 'secure') body.secure = v;
    else if (f === 'to') body.to = splitWords(String(v));
    else if (typeof v === 'string' && v.trim() === '' && (isSecret(d.kind, f) || f === 'user')) continue;
    else body[f] = typeof v === 'string' ? v.trim() : v;
  }
  return body;
}

import { SECRET_FIELDS, contactPointInputSchema, type ContactPointConfig, type ContactPointKind, type ContactPointView } from '../../shared/contracts/alerts.js';
import type { ContactPointRow } from '../../shared/store/repos/contact-points.js';
import type { ChannelConfig } from './channels/channel.js';
import type { SecretBox } from './secret-box.js';

/** Splits a contact point's config into public settings and sealed secrets, and back. */
export function splitSecrets(cfg: ContactPointConfig, box: SecretBox): { settings: string; secrets: string | null } {
  const fields: readonly string[] = SECRET_FIELDS[cfg.kind];
  const pub: Record<string, unknown> = {};
  const sec: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(cfg)) {
    if (k === 'name' || k === 'kind') continue;
    (fields.includes(k) ? sec : pub)[k] = v;
  }
  return { settings: JSON.stringify(pub), secrets: Object.keys(sec).length ? box.seal(JSON.stringify(sec)) : null };
}

/** Everything a channel needs, secrets opened. */
export function channelConfig(row: ContactPointRow, box: SecretBox): ChannelConfig {
  const pub = JSON.parse(row.settings) as ChannelConfig;
  const sec = row.secrets ? (JSON.parse(box.open(row.secrets)) as ChannelConfig) : {};
  return { ...pub, ...sec };
}

/** The whole config (for an update that keeps the stored secrets), validated again. */
export function fullConfig(row: ContactPointRow, box: SecretBox): ContactPointConfig {
  return contactPointInputSchema.parse({ ...channelConfig(row, box), name: row.name, kind: row.kind });
}

export function presentContactPoint(row: ContactPointRow, box: SecretBox): ContactPointView {
  const kind = row.kind as ContactPointKind;
  const pub = JSON.parse(row.settings) as Record<string, unknown>;
  let sec: Record<string, unknown> = {};
  try {
    sec = row.secrets ? (JSON.parse(box.open(row.secrets)) as Record<string, unknown>) : {};
  } catch {
    // A key that changed: show the secrets as missing so the administrator re-enters them.
  }
  const { quietHours, ...settings } = pub;
  const secrets: Record<string, 'set' | 'not set'> = {};
  for (const f of SECRET_FIELDS[kind] as readonly string[]) secrets[f] = sec[f] !== undefined && sec[f] !== '' ? 'set' : 'not set';
  return {
    id: row.id,
    name: row.name,
    kind,
    quietHours: (quietHours as ContactPointView['quietHours']) ?? null,
    settings,
    secrets,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  };
}

import type { AlertScope } from '../../../../shared/contracts/alerts.js';

/** A rule's scope in one line (topics, regions, platforms, languages), or `all` when it watches everything. */
export function scopeText(s: AlertScope, all: string): string {
  const parts = [...s.topics, ...s.regions, ...s.platforms, ...s.languages];
  return parts.length ? parts.join(', ') : all;
}

import type { Mention } from '../../shared/contracts/mention.js';

/** A corpus text as the Mention `yuqing tag` would receive. */
export function asMention(id: string, text: string, platform: 'weibo' | 'twitter', extra: Partial<Mention> = {}): Mention {
  return { id, platform, kind: 'post', text, createdAt: '2024-01-01T00:00:00Z', ...extra };
}

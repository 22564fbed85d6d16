import type { Lang } from '../i18n/I18nProvider.js';

/**
 * The server's password-policy problems (English, from server/auth/passwords.ts) in the user's
 * language; one the client does not know is shown as the server wrote it.
 */
export function localizeProblem(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  let m = /^at least (\d+) characters$/.exec(problem);
  if (m) return `至少 ${m[1]} 个字符`;
  m = /^at least (\d+) of: lower-case letters, upper-case letters, digits, other characters$/.exec(problem);
  if (m) return `小写字母、大写字母、数字、其他字符中至少包含 ${m[1]} 类`;
  if (problem === 'must not contain the username') return '不得包含用户名';
  return problem;
}

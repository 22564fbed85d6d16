import { Link } from 'react-router-dom';
import { homePath, ROLE_LABELS } from '../../../shared/contracts/roles.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** What a page the user's roles do not include answers instead of its view. */
export function ForbiddenPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const roles = user?.roles ?? [];
  return (
    <section className="page page-forbidden" aria-labelledby="page-title" data-testid="forbidden-page">
      <p className="status-code" aria-hidden="true">
        403
      </p>
      <h1 id="page-title">{t.accounts.forbidden.title}</h1>
      <p>{t.accounts.forbidden.text(roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', '))}</p>
      <p>
        <Link to={homePath(roles)} data-testid="forbidden-home">
          {t.accounts.forbidden.home}
        </Link>
      </p>
    </section>
  );
}

import { Link } from 'react-router-dom';
import { homePath } from '../../../shared/contracts/roles.js';
import { useSession } from '../hooks/useSession.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function NotFoundPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t.notFound}</h1>
      <p>
        <Link to={homePath(user?.roles ?? [])}>{t.accounts.forbidden.home}</Link>
      </p>
    </section>
  );
}

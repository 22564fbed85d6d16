import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t.notFound}</h1>
      <p>
        <Link to="/live">{t.nav.live}</Link>
      </p>
    </section>
  );
}

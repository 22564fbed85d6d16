import { NavLink } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';

export function IncidentTabs() {
  const { t } = useI18n();
  return (
    <nav className="tabs no-print" aria-label={t.incidents.title}>
      <NavLink to="/incidents" end>
        {t.incidents.list}
      </NavLink>
      <NavLink to="/incidents/handover">{t.incidents.handover}</NavLink>
    </nav>
  );
}

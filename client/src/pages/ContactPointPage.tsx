import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ContactPointView } from '../../../shared/contracts/alerts.js';
import { ContactPointForm } from '../admin/alerts/ContactPointForm.js';
import { DeliveryLog } from '../admin/alerts/DeliveryLog.js';
import { SendTest } from '../admin/alerts/SendTest.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';
import { deleteContactPoint } from '../lib/alertsAdmin.js';

/** One contact point (`/admin/contact-points/new` creates one): the form, send test, its delivery log, delete. */
export function ContactPointPage() {
  const { t } = useI18n();
  const k = t.alertsAdmin.cp;
  const navigate = useNavigate();
  const param = useParams().id ?? 'new';
  const id = param === 'new' ? null : Number(param);
  // There is no GET of one contact point: the list has them all.
  const cps = useApi<{ items: ContactPointView[] }>(apiUrl('/contact-points'));
  const [revision, setRevision] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = id === null ? null : (cps.data?.items.find((c) => c.id === id) ?? null);

  const remove = async (cp: ContactPointView) => {
    setProblem(null);
    try {
      await deleteContactPoint(cp.id);
      navigate('/admin/contact-points');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };

  const body = () => {
    if (cps.error) return <ErrorPanel error={cps.error} onRetry={cps.reload} />;
    if (!cps.data) return <Loading />;
    if (id !== null && !saved) return cps.isLoading ? <Loading /> : <p className="empty">{t.common.error}</p>;
    return (
      <>
        <ContactPointForm
          key={saved?.id ?? 'new'}
          saved={saved}
          onSaved={(cp) => {
            if (id === null) navigate(`/admin/contact-points/${cp.id}`, { replace: true });
            cps.reload();
          }}
        />
        {saved && (
          <>
            <section className="panel" aria-labelledby="cp-test-title">
              <h2 id="cp-test-title">{t.alertsAdmin.test.button}</h2>
              <SendTest id={saved.id} onSent={() => setRevision((r) => r + 1)} />
            </section>
            <DeliveryLog of={{ contactPoint: saved.id }} title={t.alertsAdmin.deliveries.title} revision={revision} />
            <div className="action-row">
              <ConfirmButton label={k.delete} question={k.deleteConfirm(saved.name)} onConfirm={() => void remove(saved)} testId="cp-delete" />
              {problem && (
                <p className="form-problem" role="alert">
                  {problem}
                </p>
              )}
            </div>
          </>
        )}
      </>
    );
  };

  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="contact-point-page">
      <h1 id="page-title">{saved ? k.editTitle(saved.name) : k.newTitle}</h1>
      <p>
        <Link className="back-link" to="/admin/contact-points">{k.back}</Link>
      </p>
      {body()}
    </section>
  );
}

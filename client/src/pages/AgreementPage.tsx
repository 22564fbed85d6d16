import type { AgreementReport } from '../../../shared/contracts/review.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';
import { formatShare } from '../lib/format.js';

/** How often analysts agreed with the tagger, per tag and by day: the tagger's precision in production. */
export function AgreementPage() {
  const { t, locale } = useI18n();
  const report = useApi<AgreementReport>(apiUrl('/review/agreement', { days: 30 }));
  const share = (agreed: number, reviewed: number) => formatShare(agreed, reviewed, locale);
  return (
    <section className="page page-agreement" aria-labelledby="page-title">
      <h1 id="page-title">{t.review.agreementTitle}</h1>
      <p className="muted">{t.review.agreementIntro}</p>
      {renderReport()}
    </section>
  );

  function renderReport() {
    if (report.error) return <ErrorPanel error={report.error} onRetry={report.reload} />;
    if (!report.data) return <Loading />;
    return (
      <div className="table-wrap">
        <table className="agreement" data-testid="agreement-table">
          <thead>
            <tr>
              <th scope="col">{t.analyst.tags}</th>
              <th scope="col">{t.review.reviewedCol}</th>
              <th scope="col">{t.review.agreedCol}</th>
              <th scope="col">{t.review.rateCol}</th>
              <th scope="col">{t.review.uncertainCol}</th>
              <th scope="col">{t.review.confidentCol}</th>
              <th scope="col">{t.review.days}</th>
            </tr>
          </thead>
          <tbody>
            {report.data.tags.map((a) => (
              <tr key={a.tag} data-tag={a.tag}>
                <th scope="row">{t.review.tag[a.tag]}</th>
                <td className="col-num">{a.reviewed}</td>
                <td className="col-num">{a.agreed}</td>
                <td className="col-num" data-testid={`agreement-${a.tag}`}>
                  {a.rate === null ? t.review.noReviews : share(a.agreed, a.reviewed)}
                </td>
                <td className="col-num">{share(a.uncertain.agreed, a.uncertain.reviewed)} <span className="muted small">({a.uncertain.reviewed})</span></td>
                <td className="col-num">{share(a.confident.agreed, a.confident.reviewed)} <span className="muted small">({a.confident.reviewed})</span></td>
                <td className="small">
                  {a.days.map((d) => (
                    <span key={d.day} className="day-rate" title={`${d.day}: ${d.agreed}/${d.reviewed}`}>
                      {d.day.slice(5)} {share(d.agreed, d.reviewed)}{' '}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
}

import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AlertRuleView, ContactPointView } from '../../../shared/contracts/alerts.js';
import { RuleDanger } from '../admin/alerts/RuleDanger.js';
import { draftOf, emptyDraft } from '../admin/alerts/ruleDraft.js';
import { RuleForm } from '../admin/alerts/RuleForm.js';
import { RuleVersions } from '../admin/alerts/RuleVersions.js';
import { useRuleSave, type SaveProblem } from '../admin/alerts/useRuleSave.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useApi } from '../hooks/useApi.js';
import { useMeta } from '../hooks/useMeta.js';
import type { Dict } from '../i18n/zh.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { apiUrl } from '../lib/api.js';

function Problem({ problem, t, onReload }: { problem: SaveProblem; t: Dict; onReload: () => void }) {
  const f = t.alertsAdmin.form;
  if (!problem) return null;
  if (problem.kind === 'stale') {
    return (
      <div role="alert" data-testid="rule-stale">
        <p>{f.stale(problem.version)}</p>
        <button type="button" onClick={onReload}>
          {f.reload}
        </button>
      </div>
    );
  }
  return (
    <p role="alert" data-testid="rule-refused">
      {f.problem} {problem.message}
    </p>
  );
}

/** One alert rule (`/admin/alert-rules/new` creates one): the form, its version history, disable and delete. */
export function AlertRulePage() {
  const { t } = useI18n();
  const f = t.alertsAdmin.form;
  const navigate = useNavigate();
  const param = useParams().id ?? 'new';
  const id = param === 'new' ? null : Number(param);
  const rule = useApi<AlertRuleView>(id === null ? null : apiUrl(`/alert-rules/${id}`));
  const cps = useApi<{ items: ContactPointView[] }>(apiUrl('/contact-points'));
  const meta = useMeta();
  const [revision, setRevision] = useState(0);
  const saver = useRuleSave(rule.data, (saved) => {
    if (saved && id === null) navigate(`/admin/alert-rules/${saved.id}`, { replace: true });
    else if (saved) {
      rule.reload();
      setRevision((r) => r + 1);
    } else navigate('/admin/alert-rules');
  });

  const title = id === null ? f.newTitle : rule.data ? f.editTitle(rule.data.name) : f.newTitle;
  const ready = (id === null || rule.data) && cps.data;
  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="alert-rule-page">
      <h1 id="page-title">{title}</h1>
      <p>
        <Link className="back-link" to="/admin/alert-rules">{f.back}</Link>
      </p>
      {saver.notice && (
        <p role="status" data-testid="rule-notice">
          {saver.notice}
        </p>
      )}
      {rule.error ? (
        <ErrorPanel error={rule.error} onRetry={rule.reload} />
      ) : cps.error ? (
        <ErrorPanel error={cps.error} onRetry={cps.reload} />
      ) : !ready ? (
        <Loading />
      ) : (
        <>
          <RuleForm
            key={rule.data ? `${rule.data.id}-${rule.data.version}` : 'new'}
            initial={rule.data ? draftOf(rule.data) : emptyDraft()}
            creating={id === null}
            meta={meta.data}
            contactPoints={cps.data?.items ?? []}
            busy={saver.busy}
            problem={
              <Problem
                problem={saver.problem}
                t={t}
                onReload={() => {
                  saver.clear();
                  rule.reload();
                }}
              />
            }
            onSave={(input) => saver.save(input, (saved) => (saved ? f.saved(saved.version) : null))}
          />
          {rule.data && (
            <>
              <RuleDanger rule={rule.data} busy={saver.busy} onToggle={() => saver.toggle((saved) => (saved ? f.saved(saved.version) : null))} onDelete={() => saver.remove(() => t.alertsAdmin.danger.deleted)} />
              <RuleVersions id={rule.data.id} revision={revision} />
            </>
          )}
        </>
      )}
    </section>
  );
}

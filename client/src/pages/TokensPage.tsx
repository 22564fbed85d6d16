import { useState } from 'react';
import type { TokenCreatedResponse } from '../../../shared/contracts/auth.js';
import { TokenCreateForm } from '../admin/TokenCreateForm.js';
import { TokenTable } from '../admin/TokenTable.js';
import { ShownOnce } from '../components/ShownOnce.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useTokens } from '../hooks/useTokens.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Named ingest and read tokens: create (shown once, with a copy button), list with last use, revoke. */
export function TokensPage() {
  const { t } = useI18n();
  const k = t.accounts.tokens;
  const tokens = useTokens();
  const [created, setCreated] = useState<TokenCreatedResponse | null>(null);
  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="tokens-page">
      <h1 id="page-title">{k.title}</h1>
      <p className="muted">{k.intro}</p>
      {created && (
        <ShownOnce intro={k.created(created.name)} secret={created.token} onDismiss={() => setCreated(null)} testId="new-token">
          <p className="muted small">{k.usage}</p>
        </ShownOnce>
      )}
      <TokenCreateForm
        onCreated={(c) => {
          setCreated(c);
          tokens.reload();
        }}
      />
      {tokens.error ? <ErrorPanel error={tokens.error} onRetry={tokens.reload} /> : !tokens.data ? <Loading /> : <TokenTable items={tokens.data.items} onChanged={tokens.reload} />}
    </section>
  );
}

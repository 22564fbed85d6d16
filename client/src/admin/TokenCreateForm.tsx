import { useState, type FormEvent } from 'react';
import { displayNameSchema, type TokenCreatedResponse } from '../../../shared/contracts/auth.js';
import { TOKEN_SCOPES, type TokenScope } from '../../../shared/contracts/roles.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { createToken } from '../lib/accounts.js';

/** Name and scope of a new token; the answer carries the token itself, shown by the page once. */
export function TokenCreateForm({ onCreated }: { onCreated: (created: TokenCreatedResponse) => void }) {
  const { t } = useI18n();
  const k = t.accounts.tokens;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('ingest');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await createToken({ name: name.trim(), scope }));
      setName('');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)} data-testid="token-create">
      <h2>{k.create}</h2>
      <div className="filter-row">
        <label className="field">
          {k.name}
          <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="token-create-name" />
        </label>
        <label className="field">
          {k.scope}
          <select value={scope} onChange={(e) => setScope(e.target.value as TokenScope)} data-testid="token-create-scope">
            {TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>
                {k.scopes[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !displayNameSchema.safeParse(name).success} data-testid="token-create-submit">
        {k.create}
      </button>
    </form>
  );
}

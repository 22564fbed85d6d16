import { useState } from 'react';
import type { TokenView } from '../../../shared/contracts/auth.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { revokeToken } from '../lib/accounts.js';
import { browserTimeZone, formatFullDateTime } from '../lib/time.js';

/** Every token with its scope, prefix, creator and last use; active ones can be revoked. */
export function TokenTable({ items, onChanged }: { items: TokenView[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const k = t.accounts.tokens;
  const tz = browserTimeZone();
  const [problem, setProblem] = useState<string | null>(null);
  const when = (iso: string) => formatFullDateTime(iso, locale, tz);

  const revoke = async (id: number) => {
    setProblem(null);
    try {
      await revokeToken(id);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
    onChanged();
  };

  if (items.length === 0) return <p className="empty">{k.empty}</p>;
  return (
    <div className="table-wrap panel">
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <table className="admin-table" data-testid="tokens-table">
        <thead>
          <tr>
            <th scope="col">{k.name}</th>
            <th scope="col">{k.scope}</th>
            <th scope="col">{k.prefix}</th>
            <th scope="col">{k.createdAt}</th>
            <th scope="col">{k.createdBy}</th>
            <th scope="col">{k.lastUsed}</th>
            <th scope="col">{k.state}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} data-testid="token-row" data-name={x.name} data-revoked={x.revokedAt !== null}>
              <td>{x.name}</td>
              <td>{k.scopes[x.scope]}</td>
              <td>
                <code>{x.prefix}…</code>
              </td>
              <td className="small">{when(x.createdAt)}</td>
              <td>{x.createdBy}</td>
              <td className="small" data-testid="token-last-used">
                {x.lastUsedAt ? when(x.lastUsedAt) : k.never}
              </td>
              <td>
                {x.revokedAt ? (
                  <span className="muted">{k.revokedAt(when(x.revokedAt))}</span>
                ) : (
                  <>
                    <span className="chip">{k.active}</span> <ConfirmButton label={k.revoke} question={k.revokeConfirm(x.name)} onConfirm={() => void revoke(x.id)} testId="token-revoke" />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useState } from 'react';
import { UserCreateForm } from '../admin/UserCreateForm.js';
import { UserRow } from '../admin/UserRow.js';
import { ShownOnce } from '../components/ShownOnce.js';
import { ErrorPanel, Loading } from '../components/Status.js';
import { useSession } from '../hooks/useSession.js';
import { useUsers } from '../hooks/useUsers.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Accounts: create with roles, change roles, disable, reset a password (one-time password shown once). */
export function UsersPage() {
  const { t } = useI18n();
  const u = t.accounts.users;
  const users = useUsers();
  const { user: me } = useSession();
  const [secret, setSecret] = useState<{ intro: string; value: string } | null>(null);

  return (
    <section className="page page-admin" aria-labelledby="page-title" data-testid="users-page">
      <h1 id="page-title">{u.title}</h1>
      <p className="muted">{u.intro}</p>
      {secret && <ShownOnce intro={secret.intro} secret={secret.value} onDismiss={() => setSecret(null)} testId="one-time-password" />}
      <UserCreateForm
        onCreated={(c) => {
          setSecret({ intro: u.created(c.user.username), value: c.oneTimePassword });
          users.reload();
        }}
      />
      {users.error ? (
        <ErrorPanel error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading />
      ) : (
        <div className="table-wrap panel">
          <table className="admin-table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{u.username}</th>
                <th scope="col">{u.roles}</th>
                <th scope="col">{u.status}</th>
                <th scope="col">{u.totp}</th>
                <th scope="col">{u.lastLogin}</th>
                <th scope="col">{u.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((x) => (
                <UserRow
                  // A new key after a save resets the row's drafts to the server's values.
                  key={`${x.id}:${x.roles.join()}:${x.disabled}`}
                  user={x}
                  self={x.id === me?.id}
                  onChanged={users.reload}
                  onReset={(username, value) => setSecret({ intro: u.reset(username), value })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

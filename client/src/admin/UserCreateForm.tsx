import { useState, type FormEvent } from 'react';
import { displayNameSchema, usernameSchema, type UserCreatedResponse } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/contracts/roles.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { createUser } from '../lib/accounts.js';
import { RolePicker } from './RolePicker.js';

/** Username, name and roles; the answer carries the one-time password, shown by the page once. */
export function UserCreateForm({ onCreated }: { onCreated: (created: UserCreatedResponse) => void }) {
  const { t } = useI18n();
  const u = t.accounts.users;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOk = usernameSchema.safeParse(username).success;
  const displayOk = displayNameSchema.safeParse(displayName).success;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (roles.length === 0) {
      setProblem(u.rolesNeeded);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await createUser({ username: username.trim().toLowerCase(), displayName: displayName.trim(), roles }));
      setUsername('');
      setDisplayName('');
      setRoles([]);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)} data-testid="user-create">
      <h2>{u.create}</h2>
      <div className="filter-row">
        <label className="field">
          {u.username}
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            aria-invalid={username !== '' && !nameOk}
            aria-describedby="username-hint"
            data-testid="user-create-username"
          />
          <span id="username-hint" className="muted small">
            {u.usernameHint}
          </span>
        </label>
        <label className="field">
          {u.displayName}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={40} data-testid="user-create-name" />
        </label>
      </div>
      <RolePicker value={roles} onChange={setRoles} legend={u.roles} testId="user-create-roles" />
      {problem && (
        <p className="form-problem" role="alert" data-testid="user-create-error">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !nameOk || !displayOk || roles.length === 0} data-testid="user-create-submit">
        {u.create}
      </button>
    </form>
  );
}

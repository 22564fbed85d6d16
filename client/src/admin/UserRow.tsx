import { useState } from 'react';
import type { UserView } from '../../../shared/contracts/auth.js';
import { ROLE_LABELS, type Role } from '../../../shared/contracts/roles.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { patchUser, resetPassword } from '../lib/accounts.js';
import { browserTimeZone, formatFullDateTime } from '../lib/time.js';
import { RolePicker } from './RolePicker.js';

interface Props {
  user: UserView;
  /** The row's user is the one signed in (they cannot disable themselves here). */
  self: boolean;
  onChanged: () => void;
  onReset: (username: string, oneTimePassword: string) => void;
}

/** One account: roles (editable), state, last sign-in, and the administrator's actions. */
export function UserRow({ user, self, onChanged, onReset }: Props) {
  const { t, lang, locale } = useI18n();
  const u = t.accounts.users;
  const tz = browserTimeZone();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [resetTotp, setResetTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const saveRoles = () =>
    act(async () => {
      await patchUser(user.id, { roles });
      setEditing(false);
      onChanged();
    });
  const setDisabled = (disabled: boolean) =>
    act(async () => {
      await patchUser(user.id, { disabled });
      onChanged();
    });
  const reset = () =>
    act(async () => {
      const answer = await resetPassword(user.id, resetTotp);
      onReset(user.username, answer.oneTimePassword);
      onChanged();
    });
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();

  return (
    <tr data-username={user.username} data-testid="user-row">
      <td>
        <strong>{user.username}</strong>
        <div className="muted small">{user.displayName}</div>
      </td>
      <td>
        {editing ? (
          <>
            <RolePicker value={roles} onChange={setRoles} legend={u.roles} testId="user-roles-edit" />
            <button type="button" className="primary" disabled={busy || roles.length === 0} onClick={() => void saveRoles()} data-testid="user-roles-save">
              {u.saveRoles}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setRoles(user.roles);
                setEditing(false);
              }}
            >
              {u.cancel}
            </button>
          </>
        ) : (
          <span data-testid="user-row-roles">{user.roles.map((r) => ROLE_LABELS[r][lang]).join(lang === 'zh' ? '、' : ', ')}</span>
        )}
      </td>
      <td data-testid="user-status">
        {user.disabled ? <span className="chip chip-critical">{u.disabled}</span> : <span className="chip">{u.active}</span>}
        {locked && <span className="chip chip-deny">{u.lockedUntil(formatFullDateTime(user.lockedUntil!, locale, tz))}</span>}
        {user.mustChangePassword && <span className="chip">{u.mustChange}</span>}
      </td>
      <td>{user.totpEnabled ? t.common.yes : t.common.no}</td>
      <td className="small">{user.lastLoginAt ? formatFullDateTime(user.lastLoginAt, locale, tz) : u.never}</td>
      <td className="row-actions">
        {!editing && (
          <button type="button" disabled={busy} onClick={() => setEditing(true)} data-testid="user-edit-roles">
            {u.editRoles}
          </button>
        )}
        {user.disabled ? (
          <button type="button" disabled={busy} onClick={() => void setDisabled(false)} data-testid="user-enable">
            {u.enable}
          </button>
        ) : (
          <ConfirmButton label={u.disable} question={u.disableConfirm(user.username)} disabled={busy || self} onConfirm={() => void setDisabled(true)} testId="user-disable" />
        )}
        <ConfirmButton label={u.resetPassword} question={u.resetConfirm(user.username)} disabled={busy} onConfirm={() => void reset()} testId="user-reset">
          {user.totpEnabled && (
            <label className="field-inline">
              <input type="checkbox" checked={resetTotp} onChange={(e) => setResetTotp(e.target.checked)} />
              {u.resetTotp}
            </label>
          )}
        </ConfirmButton>
        {problem && (
          <p className="form-problem" role="alert" data-testid="user-row-error">
            {problem}
          </p>
        )}
      </td>
    </tr>
  );
}

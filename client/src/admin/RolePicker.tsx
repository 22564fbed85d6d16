import { ROLE_LABELS, ROLES, type Role } from '../../../shared/contracts/roles.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** One checkbox per role (a user may hold several). */
export function RolePicker({ value, onChange, legend, testId }: { value: readonly Role[]; onChange: (roles: Role[]) => void; legend: string; testId: string }) {
  const { lang } = useI18n();
  const toggle = (r: Role, on: boolean) => onChange(ROLES.filter((x) => (x === r ? on : value.includes(x))));
  return (
    <fieldset className="checks" data-testid={testId}>
      <legend>{legend}</legend>
      {ROLES.map((r) => (
        <label key={r}>
          <input type="checkbox" checked={value.includes(r)} onChange={(e) => toggle(r, e.target.checked)} value={r} data-role={r} />
          {ROLE_LABELS[r][lang]}
        </label>
      ))}
    </fieldset>
  );
}

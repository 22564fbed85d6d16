/** A group of checkboxes (a fieldset with its legend) choosing some of `options`. */
export function CheckList<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  testId,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (v: T[]) => void;
  testId: string;
}) {
  const toggle = (v: T, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  // Nothing to choose from (e.g. no regions configured): no empty box.
  if (options.length === 0) return null;
  return (
    <fieldset className="check-list" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="field-inline">
          <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-value={String(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

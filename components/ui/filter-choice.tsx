/** The field style of a list's GET filter form. */
export const FILTER_FIELD = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** A labelled select of a list's filters, its first option meaning "any". */
export function FilterChoice({
  name,
  label,
  value,
  all,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  all: string;
  options: Array<[string, string]>;
}) {
  return (
    <label>
      <span className="block">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={FILTER_FIELD}>
        <option value="">{all}</option>
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

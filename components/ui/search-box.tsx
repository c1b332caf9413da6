/** A one-field GET search (the catalogue, the help, "Qui fait quoi ?"): a hidden label, the words, a button. */
export function SearchBox({
  id,
  label,
  placeholder,
  button,
  query,
}: {
  id: string;
  label: string;
  placeholder: string;
  button: string;
  query: string;
}) {
  return (
    <form role="search" className="flex flex-wrap gap-2">
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name="q"
        defaultValue={query}
        placeholder={placeholder}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2"
      />
      <button className="rounded-md bg-brand-700 px-4 py-2 text-white">{button}</button>
    </form>
  );
}

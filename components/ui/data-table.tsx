/**
 * Below the md breakpoint a `cards` table shows each row as a card, its cells one under the other and the header
 * row gone: the rows' cells must then speak for themselves (a status badge, a priority's words), and cells not worth
 * a phone's room carry `data-wide-only`.
 */
const CARDS =
  "max-md:[&_thead]:hidden max-md:[&_table]:block max-md:[&_tbody]:block max-md:[&_tr]:block max-md:[&_tr]:py-2 max-md:[&_td]:block max-md:[&_td]:py-0.5 max-md:[&_[data-wide-only]]:hidden";

/**
 * A bordered, horizontally scrollable table with a header row of column labels; `cards` for a list of cards on
 * phones. The scrolling box takes the keyboard focus (arrow keys scroll it) and, given a label, is a named region.
 */
export function DataTable({
  columns,
  cards = false,
  children,
  label,
}: {
  columns: React.ReactNode[];
  cards?: boolean;
  children: React.ReactNode;
  label?: string;
}) {
  return (
    <div
      className={`relative mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white ${cards ? CARDS : ""}`}
      tabIndex={0}
      role={label ? "region" : undefined}
      aria-label={label}
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

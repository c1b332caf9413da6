/**
 * A bordered, horizontally scrollable table with a header row of column labels. The scrolling box
 * takes the keyboard focus (arrow keys scroll it) and, given a label, is a named region.
 */
export function DataTable({ columns, children, label }: { columns: React.ReactNode[]; children: React.ReactNode; label?: string }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role={label ? "region" : undefined} aria-label={label}>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column, index) => <th key={index} scope="col" className="px-3 py-2">{column}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

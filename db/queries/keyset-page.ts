/**
 * Cuts one keyset page from rows fetched with `limit + 1`: the extra row only says that more follow,
 * and the cursor of the next page is the key of the page's last row.
 */
export function keysetPage<Row, Cursor>(rows: Row[], limit: number, key: (last: Row) => Cursor): { items: Row[]; next: Cursor | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? key(last) : null };
}

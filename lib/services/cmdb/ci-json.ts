import type { readCi } from "./read-ci";

/** An item as /api/v1/cis/{id} answers it: the view, its maintainer and parent by name, no internal ids beyond its own and its parent's. */
export function ciJson(item: NonNullable<Awaited<ReturnType<typeof readCi>>>) {
  const { record: _record, maintainerId: _maintainer, ...json } = item;
  return json;
}

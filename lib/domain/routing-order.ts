import type { RuleMatch } from "./routing";

/**
 * The order of the routing rules, as an admin changes it. Positions are only sort keys,
 * rewritten 10, 20, 30… after every change; what the history records is the order.
 */
export const POSITION_STEP = 10;

export type MoveDirection = "up" | "down";

/** A rule that sets no criterion takes every ticket that reaches it. */
export function isCatchAll(match: RuleMatch): boolean {
  return Object.values(match).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));
}

/** Where a new rule goes: last, but ahead of a final catch-all, which would otherwise leave it unreachable. */
export function insertionIndex(rules: ReadonlyArray<{ match: RuleMatch }>): number {
  const last = rules.at(-1);
  return last && isCatchAll(last.match) ? rules.length - 1 : rules.length;
}

export function positionsFor(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, (index + 1) * POSITION_STEP]));
}

/** The order once `id` swaps places with its neighbour; null when it is already first (up) or last (down), or unknown. */
export function moveOne(ids: readonly string[], id: string, direction: MoveDirection): string[] | null {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

/** Whether `next` is the same rules as `current`, each once, in any order. */
export function isPermutation(current: readonly string[], next: readonly string[]): boolean {
  return next.length === current.length && new Set(next).size === next.length && next.every((id) => current.includes(id));
}

/** The rules whose place differs between two orders of the same rules. */
export function movedIds(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((id, index) => before[index] !== id);
}

/** The first enabled catch-all: rules after it are never reached. */
export function firstEnabledCatchAll<Rule extends { enabled: boolean; match: RuleMatch }>(rules: readonly Rule[]): Rule | null {
  return rules.find((rule) => rule.enabled && isCatchAll(rule.match)) ?? null;
}

import { z } from "zod";

/** What a saved view may remember of the workspace's address: the queue, its filters and its sort (never a page cursor). */
export const SAVED_VIEW_KEYS = ["file", "status", "priority", "establishment", "zone", "service", "ci", "q", "sort"] as const;
type SavedViewKey = (typeof SAVED_VIEW_KEYS)[number];
export type SavedViewQuery = Partial<Record<SavedViewKey, string>>;

const isSavedViewKey = (key: string): key is SavedViewKey => (SAVED_VIEW_KEYS as readonly string[]).includes(key);

export const savedViewInput = z.object({
  name: z.string({ error: "desk.errors.nameTheView" }).trim().min(1, "desk.errors.nameTheView").max(60, "desk.errors.viewNameTooLong"),
  query: z
    .record(z.string(), z.string({ error: "desk.errors.invalidCriterion" }).trim().max(200, "desk.errors.criterionTooLong"))
    .superRefine((query, ctx) => {
      const unknown = Object.keys(query).filter((key) => !isSavedViewKey(key));
      if (unknown.length) ctx.addIssue({ code: "custom", message: "desk.errors.unknownCriterion", params: { keys: unknown.join(", ") } });
    })
    // Empty criteria are no criteria: keep the stored query as short as the address it stands for.
    .transform((query): SavedViewQuery => Object.fromEntries(Object.entries(query).filter(([key, value]) => isSavedViewKey(key) && value))),
});
export type SavedViewInput = z.input<typeof savedViewInput>;

/** The workspace's address for a view, its criteria always in the same order (stored JSON keeps none). */
export function viewSearch(query: Partial<Record<string, string>>): URLSearchParams {
  return new URLSearchParams(SAVED_VIEW_KEYS.flatMap((key) => (query[key] ? [[key, query[key]]] : [])));
}

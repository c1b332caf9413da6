import taskSharing from "@/db/seed/data/task-sharing.json";
import areaServices from "@/db/seed/data/task-sharing-services.json";
import { foldText } from "@/lib/catalogue/search";
import { serviceAdviceSlug } from "@/lib/domain/articles";

/** "Qui fait quoi ?": the task-sharing table (seed 002, Annexe I) with, for each task, where to go. */

export type TaskRow = { area: string; activity: string; school: string | null; region: string | null; academy: string | null };
type Category = { code: string; schoolTask: string | null };

/**
 * Where a task leads: the school's own task with advice before filing (its category, /signaler/<code>); another
 * task the school does, to its service's advice article; a task of the Région or the Académie, to filing in its service.
 */
export type TaskLink = { kind: "advice"; href: string } | { kind: "article"; href: string } | { kind: "file"; href: string } | null;

export type TaskGroup = { area: string; tasks: Array<TaskRow & { link: TaskLink }> };

const SERVICES: Record<string, string | null> = areaServices.areas;

export function taskLink(row: TaskRow, categories: readonly Category[]): TaskLink {
  const own = categories.find((category) => category.schoolTask === row.activity);
  if (own) return { kind: "advice", href: `/signaler/${own.code}` };
  const service = SERVICES[row.area] ?? null;
  if (!service) return null;
  if (row.school === "yes") return { kind: "article", href: `/aide/${serviceAdviceSlug(service)}` };
  return { kind: "file", href: `/signaler?service=${service}` };
}

/** The rows whose domain or task holds every word of the query (accents and case ignored), by domain, with their links. */
export function whoDoesWhat(query: string, categories: readonly Category[]): TaskGroup[] {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const rows = (taskSharing.rows as TaskRow[]).filter((row) => {
    const text = foldText(`${row.area} ${row.activity}`);
    return words.every((word) => text.includes(word));
  });
  const groups: TaskGroup[] = [];
  for (const row of rows) {
    const link = taskLink(row, categories);
    const group = groups.find((candidate) => candidate.area === row.area);
    if (group) group.tasks.push({ ...row, link });
    else groups.push({ area: row.area, tasks: [{ ...row, link }] });
  }
  return groups;
}

import type { QueueQuery } from "@/lib/schemas/tickets";
import type { QueueFilters, QueueKey } from "./queues";

/** "mine", "unassigned" and "at-risk" are reserved queue names (team codes are upper case); anything else is a team code. */
export function queueKey(name: string): QueueKey {
  return name === "mine" || name === "unassigned" || name === "at-risk" ? name : { teamCode: name };
}

export function queueFilters(query: QueueQuery): QueueFilters {
  const { establishment, zone, service, ci, cursor, ...rest } = query;
  return { ...rest, establishmentUai: establishment, zoneCode: zone, serviceCode: service, ciId: ci, after: cursor };
}

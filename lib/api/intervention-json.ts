import type { InterventionView } from "@/lib/domain/interventions";

/** An intervention as the API answers it; `details` only for those who may read it (absent otherwise). */
export function interventionJson(item: InterventionView) {
  return {
    id: item.id,
    mode: item.mode,
    startedAt: item.startedAt.toISOString(),
    minutes: item.minutes,
    travelMinutes: item.travelMinutes,
    summary: item.summary,
    ...(item.details !== null ? { details: item.details } : {}),
    author: { name: item.author.name },
    vendor: item.vendorName,
    cis: item.cis,
    createdAt: item.createdAt.toISOString(),
  };
}

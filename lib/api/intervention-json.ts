import type { InterventionMode } from "@/lib/domain/interventions";

type Intervention = {
  id: string; mode: InterventionMode; startedAt: Date; minutes: number; travelMinutes: number; summary: string; details: string | null;
  createdAt: Date; author: { name: string }; vendorName: string | null; cis: { id: string; name: string }[];
};

/** An intervention as the API answers it; `details` only for those who may read it (absent otherwise). */
export function interventionJson(item: Intervention) {
  return {
    id: item.id, mode: item.mode, startedAt: item.startedAt.toISOString(), minutes: item.minutes, travelMinutes: item.travelMinutes,
    summary: item.summary, ...(item.details !== null ? { details: item.details } : {}),
    author: { name: item.author.name }, vendor: item.vendorName, cis: item.cis, createdAt: item.createdAt.toISOString(),
  };
}

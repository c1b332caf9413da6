import type { CampaignRow } from "@/db/queries/campaigns";
import { campaignMoment } from "@/lib/domain/campaigns";
import { campaignYear } from "@/lib/schemas/campaigns";
import { uaiCode } from "@/lib/schemas/primitives";
import type { Questionnaire } from "@/lib/services/campaigns/questionnaire";

/** A campaign as /api/v1/campaigns answers it: its phases, catalogue, envelopes by zone code and where it stands on `today`. */
export const campaignJson = (campaign: CampaignRow, today: string) => ({
  year: campaign.year,
  phase: campaignMoment(campaign, today),
  phases: { survey: campaign.survey, analysis: campaign.analysis, allocation: campaign.allocation, delivery: campaign.delivery },
  catalogue: campaign.catalogue,
  envelopes: Object.fromEntries(campaign.envelopes.map((envelope) => [envelope.zoneCode, envelope.euros])),
  pupilsPerWorkstation: campaign.pupilsPerWorkstation,
  criteria: campaign.criteria,
  createdAt: campaign.createdAt.toISOString(),
});

/** A school's questionnaire: its lines (granted quantities once notified), the inventory's pre-fill and the past allocations. */
export const requestJson = (view: Questionnaire) => ({
  campaignYear: view.campaign.year,
  establishment: { uai: view.school.uai, name: view.school.name, zone: view.school.zone },
  status: view.status,
  pupils: view.pupils,
  notes: view.notes,
  submittedAt: view.submittedAt?.toISOString() ?? null,
  approvedAt: view.approvedAt?.toISOString() ?? null,
  allocatedAt: view.allocatedAt?.toISOString() ?? null,
  adviceTicket: view.advice?.reference ?? null,
  lines: view.lines.map((line) => ({
    id: line.id,
    room: line.room,
    code: line.code,
    quantity: line.quantity,
    kind: line.kind,
    justification: line.justification,
    priority: line.priority,
    granted: line.granted,
    reason: line.reason,
  })),
  inventory: {
    renewalCandidates: view.inventory.renewalCandidates.map((row) => ({ room: row.room, class: row.class, count: row.count })),
    mixedRooms: view.inventory.mixedRooms.map((room) => ({ building: room.building, room: room.room, classes: room.classes })),
    counts: view.inventory.counts.map((row) => ({ class: row.class, count: row.count })),
    history: view.inventory.history,
  },
});

/** The year and UAI of a campaign route's path, or null (then 404). */
export async function campaignSchool(params: Promise<{ year: string; uai: string }>) {
  const raw = await params;
  const year = campaignYear.safeParse(raw.year);
  const uai = uaiCode.safeParse(raw.uai);
  return year.success && uai.success ? { year: year.data, uai: uai.data } : null;
}

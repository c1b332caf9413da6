import type { PatchTicketInput } from "@/lib/schemas/tickets";
import type { TicketPatch } from "./update-ticket";

/** The API's flat PATCH body as the desk's patch: re-qualification fields grouped. */
export function ticketPatch(input: PatchTicketInput): TicketPatch {
  const { type, serviceCode, categoryCode, impact, urgency, ...rest } = input;
  const requalification = Object.fromEntries(
    Object.entries({ type, serviceCode, categoryCode, impact, urgency }).filter(([, value]) => value !== undefined),
  );
  return { ...rest, ...(Object.keys(requalification).length ? { requalify: requalification } : {}) };
}

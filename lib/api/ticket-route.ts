import { ticketReference } from "@/lib/schemas/primitives";
import { recordRoute } from "./record-route";

/** A /api/v1/tickets/{reference}… handler: a malformed reference is 404, then the caller (401), then the body (413, 400). */
export const ticketRoute = recordRoute("reference", ticketReference);

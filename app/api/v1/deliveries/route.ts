import { deliveryJson, deliverySummaryJson } from "@/lib/api/delivery-json";
import { forbidden, invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { shownState } from "@/lib/domain/deliveries";
import { createDeliverySchema } from "@/lib/schemas/deliveries";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createDelivery } from "@/lib/services/deliveries/create-delivery";
import { readDeliveries } from "@/lib/services/deliveries/read-deliveries";

export const dynamic = "force-dynamic";

/** GET /api/v1/deliveries → {items}: the deliveries the caller sees (a school's staff, their school's; the Région's staff, all). */
export const GET = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const list = await readDeliveries(caller, new Date());
  if (!list) return forbidden();
  return Response.json({ items: list.items.map(deliverySummaryJson) });
});

/**
 * POST /api/v1/deliveries {campaignYear?, establishmentUai, supplier, deliveredOn, lines: [{code, model, quantity, room?, serials?}]}
 * → 201 with the delivery, its `checkBy` and lines (the Région's equipment team, the service lead, admins).
 */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createDeliverySchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const now = new Date();
  const created = await createDelivery(caller, parsed.data, auditActor(request.headers, caller), now);
  if (!created.ok) return problemFromFailure(created.failure);
  const delivery = created.value;
  return Response.json(deliveryJson({ ...delivery, state: shownState(delivery.state, delivery.deliveredOn, parisDay(now)) }), {
    status: 201,
  });
});

import { z } from "zod";
import { deliveryJson } from "@/lib/api/delivery-json";
import { problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { checkDeliverySchema } from "@/lib/schemas/deliveries";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { checkDelivery } from "@/lib/services/deliveries/check-delivery";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/deliveries/{id}/check {lines: [{id, received, serials, anomaly?, replaces?}]} → the checked delivery
 * (the school's staff, admins): accepted items enter the inventory, anomalies open an EQUIP-LIVRAISON ticket.
 */
export const POST = recordRoute("id", z.uuid())(checkDeliverySchema, async ({ request, caller, id, input }) => {
  const checked = await checkDelivery(caller, id, input, auditActor(request.headers, caller), "api", new Date());
  if (!checked.ok) return problemFromFailure(checked.failure);
  return Response.json(deliveryJson(checked.value));
});

import { z } from "zod";
import { deliveryJson } from "@/lib/api/delivery-json";
import { notFound } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { readDelivery } from "@/lib/services/deliveries/read-deliveries";

export const dynamic = "force-dynamic";

/** GET /api/v1/deliveries/{id} → the delivery with its lines; 404 when it is not the caller's to see. */
export const GET = recordRoute("id", z.uuid())(null, async ({ caller, id }) => {
  const delivery = await readDelivery(caller, id, new Date());
  return delivery ? Response.json(deliveryJson(delivery)) : notFound();
});

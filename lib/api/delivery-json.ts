import type { DeliveryRecord, DeliverySummary } from "@/db/queries/deliveries";
import type { DeliveryView } from "@/lib/services/deliveries/read-deliveries";

/** A delivery as the API answers it: `checkBy` an ISO instant, `state` as the school reads it today. */
export function deliverySummaryJson(delivery: DeliveryView<DeliverySummary>) {
  return {
    id: delivery.id,
    campaignYear: delivery.campaignYear,
    establishmentUai: delivery.uai,
    establishmentName: delivery.establishmentName,
    supplier: delivery.supplier,
    deliveredOn: delivery.deliveredOn,
    checkBy: delivery.checkBy.toISOString(),
    state: delivery.state,
    checkedAt: delivery.checkedAt?.toISOString() ?? null,
    ticketReference: delivery.ticketReference,
  };
}

export function deliveryJson(delivery: DeliveryView<DeliveryRecord>) {
  return {
    ...deliverySummaryJson(delivery),
    lines: delivery.lines.map((line) => ({
      id: line.id,
      code: line.code,
      label: line.label,
      class: line.class,
      model: line.model,
      quantity: line.quantity,
      room: line.room,
      expectedSerials: line.expectedSerials,
      received: line.received,
      receivedSerials: line.receivedSerials,
      anomaly: line.anomaly,
      anomalySerials: line.anomalySerials,
      anomalyNote: line.anomalyNote,
    })),
  };
}

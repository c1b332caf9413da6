"use server";

import type { ImportDone } from "@/components/import/import-form";
import { formAction } from "@/lib/auth/form-action";
import { requestTranslator } from "@/lib/auth/request-translator";
import { deliveryFromAllocationSchema, deliveryNoteForm, readDeliveryNoteForm } from "@/lib/schemas/deliveries";
import { createDeliveryFromAllocation } from "@/lib/services/deliveries/delivery-from-allocation";
import { importDeliveryNote } from "@/lib/services/deliveries/import-delivery-note";

/** A dry run of the supplier's delivery note, or the delivery recorded from its accepted rows. */
export const importNote = formAction(
  deliveryNoteForm,
  async ({ file, dryRun, header }, caller, _form, now, actor) =>
    importDeliveryNote(caller, new Uint8Array(await file.arrayBuffer()), header, { dryRun, words: await requestTranslator() }, actor, now),
  {
    read: readDeliveryNoteForm,
    revalidate: () => ["/livraisons"],
    done: (outcome): ImportDone => ({
      status: "ok",
      result: {
        ...outcome,
        rows: outcome.rows.map((row) => ({ ...row, href: outcome.deliveryId ? `/livraisons/${outcome.deliveryId}` : null })),
      },
    }),
  },
);

/** A school's delivery prepared from its allocation, then opened. */
export const deliveryFromAllocation = formAction(
  deliveryFromAllocationSchema,
  (input, caller, _form, now, actor) => createDeliveryFromAllocation(caller, input, actor, now),
  { revalidate: () => ["/livraisons"], redirectTo: (delivery) => `/livraisons/${delivery.id}` },
);

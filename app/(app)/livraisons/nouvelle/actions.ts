"use server";

import type { ImportDone } from "@/components/import/import-form";
import { formAction } from "@/lib/auth/form-action";
import { requestTranslator } from "@/lib/auth/request-translator";
import { deliveryNoteForm, readDeliveryNoteForm } from "@/lib/schemas/deliveries";
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

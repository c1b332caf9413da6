"use server";

import { formAction } from "@/lib/auth/form-action";
import { bulkForm, deleteViewForm, saveViewForm } from "@/lib/schemas/desk-forms";
import { bulkUpdate, groupUnderMajor } from "@/lib/services/desk/update-ticket";
import { deleteSavedView, saveView } from "@/lib/services/tickets/saved-views";

/** The workspace's forms: the bulk bar over the checked tickets, and saving or deleting a view. */

export const updateSelection = formAction(
  bulkForm,
  (input, caller, _form, now) => {
    if (input.operation === "group") return groupUnderMajor(caller, input.references, input.major, now);
    return bulkUpdate(
      caller,
      input.references,
      input.operation === "take" ? { assignee: "me" } : { status: input.status, message: input.message },
      now,
    );
  },
  {
    revalidate: (input) => [
      "/bureau",
      ...[...input.references, ...(input.operation === "group" ? [input.major] : [])].map((reference) => `/bureau/tickets/${reference}`),
    ],
    notFound: "desk.gone.tickets",
  },
);

export const saveCurrentView = formAction(saveViewForm, (input, caller) => saveView(caller, input), { revalidate: () => ["/bureau"] });

export const deleteView = formAction(deleteViewForm, (input, caller) => deleteSavedView(caller, input.id), {
  revalidate: () => ["/bureau"],
  notFound: "desk.gone.view",
});

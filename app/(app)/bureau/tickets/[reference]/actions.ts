"use server";

import { formAction } from "@/lib/auth/form-action";
import {
  assignForm,
  deskReplyForm,
  escalateForm,
  handBackForm,
  linkEquipmentForm,
  groupUnderMajorForm,
  linkTicketForm,
  mergeForm,
  moveTeamForm,
  requalifyForm,
  statusForm,
  takeTicketForm,
  vendorReferenceForm,
  type RequalificationPreviewState,
} from "@/lib/schemas/desk-forms";
import { IDLE } from "@/lib/schemas/form-state";
import { recordInterventionForm } from "@/lib/schemas/interventions";
import { recordIntervention as recordInterventionOn } from "@/lib/services/interventions/record-intervention";
import { addComment } from "@/lib/services/tickets/add-comment";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import {
  escalateTicket,
  handBackTicket,
  groupUnderMajor,
  linkRelated,
  mergeDuplicate,
  previewRequalification,
  updateTicket,
} from "@/lib/services/desk/update-ticket";

/** The desk's ticket page forms: each parsed with its schema, decided by the desk services, then both pages of the ticket refreshed. */

const pagesOf = (...references: string[]) => [
  "/bureau",
  ...references.flatMap((reference) => [`/bureau/tickets/${reference}`, `/demandes/${reference}`]),
];
const refresh = { revalidate: (input: { reference: string }) => pagesOf(input.reference) };

export const replyFromDesk = formAction(
  deskReplyForm,
  async (input, caller, form, now) =>
    addComment(caller, input.reference, { body: input.body, visibility: input.visibility }, await filesFromForm(form, "attachments"), now),
  refresh,
);

export const takeTicket = formAction(
  takeTicketForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { assignee: "me" }, now),
  refresh,
);

export const assignTicket = formAction(
  assignForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { assignee: input.assignee }, now),
  refresh,
);

export const moveToTeam = formAction(
  moveTeamForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { team: input.team }, now),
  refresh,
);

export const changeStatus = formAction(
  statusForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { status: input.status, message: input.message }, now),
  refresh,
);

export const applyRequalification = formAction(
  requalifyForm,
  ({ reference, ...requalify }, caller, _form, now) => updateTicket(caller, reference, { requalify }, now),
  refresh,
);

export const linkEquipment = formAction(
  linkEquipmentForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { ciIds: input.ciIds }, now),
  refresh,
);

export const escalate = formAction(
  escalateForm,
  ({ reference, ...escalation }, caller, _form, now) => escalateTicket(caller, reference, escalation, now),
  refresh,
);

/** The vendor's moves while the ticket waits for it: its own reference, and the hand-back with its report. */
export const setVendorReference = formAction(
  vendorReferenceForm,
  (input, caller, _form, now) => updateTicket(caller, input.reference, { vendorReference: input.vendorReference }, now),
  refresh,
);

export const handBack = formAction(
  handBackForm,
  (input, caller, _form, now) => handBackTicket(caller, input.reference, input.report, now),
  refresh,
);

export const recordIntervention = formAction(
  recordInterventionForm,
  ({ reference, ...input }, caller, _form, now, actor) => recordInterventionOn(caller, reference, input, now, actor),
  refresh,
);

export const linkTicket = formAction(
  linkTicketForm,
  (input, caller, _form, now) => linkRelated(caller, input.reference, input.related, now),
  {
    revalidate: (input) => pagesOf(input.reference, input.related),
    notFound: "desk.gone.ticket",
  },
);

export const groupUnderMajorIncident = formAction(
  groupUnderMajorForm,
  (input, caller, _form, now) => groupUnderMajor(caller, [input.reference], input.major, now),
  {
    revalidate: (input) => pagesOf(input.reference, input.major),
    notFound: "desk.gone.ticket",
  },
);

export const mergeIntoMaster = formAction(
  mergeForm,
  (input, caller, _form, now) => mergeDuplicate(caller, input.reference, input.master, input.reason, now),
  {
    revalidate: (input) => pagesOf(input.reference, input.master),
    notFound: "desk.gone.ticket",
  },
);

/** Where routing would send the ticket once re-qualified; nothing is written. */
const previewAction = formAction(requalifyForm, ({ reference, ...choice }, caller) => previewRequalification(caller, reference, choice), {
  done: ({ priority, decision }, { reference: _reference, ...choice }): RequalificationPreviewState => ({
    status: "preview",
    choice,
    priority,
    rule: decision.rule?.name ?? null,
    teamCode: decision.teamCode,
    trace: decision.trace,
  }),
});

export async function previewRequalify(form: FormData): Promise<RequalificationPreviewState> {
  return previewAction(IDLE, form);
}

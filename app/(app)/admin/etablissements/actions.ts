"use server";

import { formAction } from "@/lib/auth/form-action";
import {
  createEstablishmentSchema,
  deleteOnboardingDocumentFormSchema,
  onboardingDocumentFormSchema,
  onboardingMeetingSchema,
  patchEstablishmentSchema,
  removeRoomFormSchema,
  roomFormSchema,
} from "@/lib/schemas/organisation";
import { checkedUai } from "@/lib/schemas/primitives";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { createEstablishment } from "@/lib/services/organisation/create-establishment";
import { addOnboardingDocument, deleteOnboardingDocument } from "@/lib/services/organisation/onboarding-documents";
import { setOnboardingMeeting } from "@/lib/services/organisation/set-onboarding-meeting";
import { declareRoom, removeRoom, updateEstablishment } from "@/lib/services/organisation/update-establishment";

const pages = (uai: string) => [
  "/admin/etablissements",
  `/admin/etablissements/${uai}`,
  "/etablissements",
  "/mon-etablissement",
  "/integration",
];
const NOT_FOUND = "establishments.gone.school";

/** Creates the school, then opens its page (rooms, onboarding meetings). */
export const createEstablishmentAction = formAction(
  createEstablishmentSchema,
  (input, caller, _form, now, actor) => createEstablishment(caller, input, now, actor),
  {
    revalidate: (input) => pages(input.uai),
    redirectTo: (_school, input) => `/admin/etablissements/${input.uai}`,
  },
);

const editSchema = patchEstablishmentSchema.omit({ rooms: true }).required().extend({ uai: checkedUai });
export const updateEstablishmentAction = formAction(
  editSchema,
  ({ uai, ...patch }, caller, _form, now, actor) => updateEstablishment(caller, uai, patch, now, actor),
  { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND },
);

export const declareRoomAction = formAction(roomFormSchema, (input, caller, _form, now, actor) => declareRoom(caller, input, now, actor), {
  revalidate: (input) => pages(input.uai),
  notFound: NOT_FOUND,
});

export const removeRoomAction = formAction(
  removeRoomFormSchema,
  (input, caller, _form, now, actor) => removeRoom(caller, input, now, actor),
  { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND },
);

export const setMeetingAction = formAction(
  onboardingMeetingSchema,
  (input, caller, _form, now, actor) => setOnboardingMeeting(caller, input, now, actor),
  { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND },
);

/** One file kept with an onboarding meeting; judged on its bytes like a ticket's attachments. */
export const addOnboardingDocumentAction = formAction(
  onboardingDocumentFormSchema,
  async (input, caller, form, now, actor) => addOnboardingDocument(caller, input, await filesFromForm(form, "document"), now, actor),
  { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND },
);

export const deleteOnboardingDocumentAction = formAction(
  deleteOnboardingDocumentFormSchema,
  (input, caller, _form, now, actor) => deleteOnboardingDocument(caller, input, now, actor),
  { revalidate: (input) => pages(input.uai), notFound: "establishments.gone.document" },
);

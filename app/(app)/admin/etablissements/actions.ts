"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { redirectOnSuccess } from "@/lib/auth/redirect-on-success";
import { createEstablishmentSchema, deleteOnboardingDocumentFormSchema, onboardingDocumentFormSchema, onboardingMeetingSchema, patchEstablishmentSchema, removeRoomFormSchema, roomFormSchema, uaiSchema } from "@/lib/schemas/organisation";
import { filesFromForm } from "@/lib/services/tickets/attachments";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createEstablishment } from "@/lib/services/organisation/create-establishment";
import { addOnboardingDocument, deleteOnboardingDocument } from "@/lib/services/organisation/onboarding-documents";
import { setOnboardingMeeting } from "@/lib/services/organisation/set-onboarding-meeting";
import { declareRoom, removeRoom, updateEstablishment } from "@/lib/services/organisation/update-establishment";

const pages = (uai: string) => ["/admin/etablissements", `/admin/etablissements/${uai}`, "/etablissements", "/mon-etablissement", "/integration"];
const NOT_FOUND = "establishments.gone.school";

/** Creates the school, then opens its page (rooms, onboarding meetings). */
export const createEstablishmentAction = redirectOnSuccess(formAction(createEstablishmentSchema, async (input, caller, _form, now) =>
  createEstablishment(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.uai) }),
(form) => `/admin/etablissements/${uaiSchema.parse(form.get("uai"))}`);

const editSchema = patchEstablishmentSchema.omit({ rooms: true }).required().extend({ uai: uaiSchema });
export const updateEstablishmentAction = formAction(editSchema, async ({ uai, ...patch }, caller, _form, now) =>
  updateEstablishment(caller, uai, patch, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND });

export const declareRoomAction = formAction(roomFormSchema, async (input, caller, _form, now) =>
  declareRoom(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND });

export const removeRoomAction = formAction(removeRoomFormSchema, async (input, caller, _form, now) =>
  removeRoom(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND });

export const setMeetingAction = formAction(onboardingMeetingSchema, async (input, caller, _form, now) =>
  setOnboardingMeeting(caller, input, now, auditActor(await headers(), caller)), { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND });

/** One file kept with an onboarding meeting; judged on its bytes like a ticket's attachments. */
export const addOnboardingDocumentAction = formAction(onboardingDocumentFormSchema, async (input, caller, form, now, actor) =>
  addOnboardingDocument(caller, input, await filesFromForm(form, "document"), now, actor), { revalidate: (input) => pages(input.uai), notFound: NOT_FOUND });

export const deleteOnboardingDocumentAction = formAction(deleteOnboardingDocumentFormSchema, (input, caller, _form, now, actor) =>
  deleteOnboardingDocument(caller, input, now, actor), { revalidate: (input) => pages(input.uai), notFound: "establishments.gone.document" });

import { describe, expect, test } from "vitest";
import { translatorFor } from "@/i18n/text";
import { failedForm, invalidForm } from "./form-state";

const french = translatorFor("fr");
import { linkRatingForm, replyForm, requesterActionForm, ticketRatingForm } from "./ticket-forms";

const reference = "GU-2026-000123";

describe("ticketRatingForm", () => {
  test.each([
    [
      { reference, score: "5" },
      { reference, score: 5, comment: undefined },
    ],
    [
      { reference, score: "1", comment: "  Rapide et efficace  " },
      { reference, score: 1, comment: "Rapide et efficace" },
    ],
    [
      { reference, score: "3", comment: "   " },
      { reference, score: 3, comment: undefined },
    ],
  ])("accepts %j", (form, expected) => {
    expect(ticketRatingForm.parse(form)).toEqual(expected);
  });

  test.each([
    { reference },
    { reference, score: "0" },
    { reference, score: "6" },
    { reference, score: "2.5" },
    { reference, score: "beaucoup" },
  ])("refuses the score of %j in French, next to the field", (form) => {
    const parsed = ticketRatingForm.safeParse(form);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(invalidForm(parsed.error, french)).toMatchObject({ kind: "invalid", fields: { score: ["Choisissez une note de 1 à 5."] } });
  });

  test("the link's form carries the token instead of the reference", () => {
    expect(linkRatingForm.parse({ token: "abc.def", score: "4" })).toEqual({ token: "abc.def", score: 4, comment: undefined });
    expect(linkRatingForm.safeParse({ score: "4" }).success).toBe(false);
  });
});

describe("requesterActionForm", () => {
  test.each([
    [{ reference, action: "cancel" }, true],
    [{ reference, action: "confirm" }, true],
    [{ reference, action: "reopen", reason: "Le vidéoprojecteur s'éteint encore." }, true],
    [{ reference, action: "reopen", reason: "  " }, false],
    [{ reference, action: "reopen" }, false],
    [{ reference, action: "rate" }, false],
    [{ reference: "../admin", action: "cancel" }, false],
  ])("%j → %s", (form, valid) => {
    expect(requesterActionForm.safeParse(form).success).toBe(valid);
  });

  test("a missing reason is reported on the reason field", () => {
    const parsed = requesterActionForm.safeParse({ reference, action: "reopen", reason: "" });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(invalidForm(parsed.error, french)).toMatchObject({ fields: { reason: ["Dites pourquoi la demande n'est pas résolue."] } });
  });
});

describe("replyForm", () => {
  test("ignores the files and the framework's own fields, trims the message", () => {
    expect(replyForm.parse({ reference, body: "  Merci !  ", attachments: "file", $ACTION_ID_x: "" })).toEqual({
      reference,
      body: "Merci !",
    });
  });

  test("refuses an empty message", () => {
    expect(replyForm.safeParse({ reference, body: " " }).success).toBe(false);
  });
});

describe("failedForm", () => {
  test.each([
    [
      { kind: "conflict" as const, message: "tickets.errors.closed" },
      { kind: "conflict", message: "Cette demande est close ou annulée : ouvrez une nouvelle demande si besoin.", fields: {} },
    ],
    [{ kind: "not_found" as const }, { kind: "not_found", message: "Cette demande est introuvable.", fields: {} }],
    [
      {
        kind: "invalid" as const,
        message: "tickets.errors.attachmentRefused",
        errors: [
          { field: "title", message: "tickets.errors.titleTooLong" },
          { field: "title", message: "forms.zod.too_small", values: { minimum: 3 } },
        ],
      },
      {
        kind: "invalid",
        message: "Une pièce jointe est refusée.",
        fields: { title: ["Titre trop long (200 caractères au plus).", "Trop court ou trop petit (minimum : 3)."] },
      },
    ],
  ])("%j", (failure, expected) => {
    expect(failedForm(failure, french)).toEqual({ status: "error", ...expected });
  });

  test("names what was not found when asked to, in the reader's language", () => {
    expect(failedForm({ kind: "not_found" }, french, "rating.gone.link")).toMatchObject({
      message: "Ce lien d'évaluation n'est pas valide.",
    });
    expect(failedForm({ kind: "not_found" }, translatorFor("en"), "rating.gone.link")).toMatchObject({
      message: "This rating link is not valid.",
    });
  });
});

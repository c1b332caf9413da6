import { describe, expect, test } from "vitest";
import { failedForm, invalidForm } from "./form-state";
import { linkRatingForm, replyForm, requesterActionForm, ticketRatingForm } from "./ticket-forms";

const reference = "GU-2026-000123";

describe("ticketRatingForm", () => {
  test.each([
    [{ reference, score: "5" }, { reference, score: 5, comment: undefined }],
    [{ reference, score: "1", comment: "  Rapide et efficace  " }, { reference, score: 1, comment: "Rapide et efficace" }],
    [{ reference, score: "3", comment: "   " }, { reference, score: 3, comment: undefined }],
  ])("accepts %j", (form, expected) => {
    expect(ticketRatingForm.parse(form)).toEqual(expected);
  });

  test.each([{ reference }, { reference, score: "0" }, { reference, score: "6" }, { reference, score: "2.5" }, { reference, score: "beaucoup" }])(
    "refuses the score of %j in French, next to the field",
    (form) => {
      const parsed = ticketRatingForm.safeParse(form);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(invalidForm(parsed.error)).toMatchObject({ kind: "invalid", fields: { score: ["Choisissez une note de 1 à 5."] } });
    },
  );

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
    if (!parsed.success) expect(invalidForm(parsed.error)).toMatchObject({ fields: { reason: ["Dites pourquoi la demande n'est pas résolue."] } });
  });
});

describe("replyForm", () => {
  test("ignores the files and the framework's own fields, trims the message", () => {
    expect(replyForm.parse({ reference, body: "  Merci !  ", attachments: "file", $ACTION_ID_x: "" })).toEqual({ reference, body: "Merci !" });
  });

  test("refuses an empty message", () => {
    expect(replyForm.safeParse({ reference, body: " " }).success).toBe(false);
  });
});

describe("failedForm", () => {
  test.each([
    [{ kind: "conflict" as const, message: "Cette demande est close." }, { kind: "conflict", message: "Cette demande est close.", fields: {} }],
    [{ kind: "not_found" as const }, { kind: "not_found", message: "Cette demande est introuvable.", fields: {} }],
    [
      { kind: "invalid" as const, message: "Une pièce jointe est refusée.", errors: [{ field: "attachments", message: "« a.exe » : refusé." }, { field: "attachments", message: "« b.exe » : refusé." }] },
      { kind: "invalid", message: "Une pièce jointe est refusée.", fields: { attachments: ["« a.exe » : refusé.", "« b.exe » : refusé."] } },
    ],
  ])("%j", (failure, expected) => {
    expect(failedForm(failure)).toEqual({ status: "error", ...expected });
  });

  test("names what was not found when asked to", () => {
    expect(failedForm({ kind: "not_found" }, "Ce lien d'évaluation n'est pas valide.")).toMatchObject({ message: "Ce lien d'évaluation n'est pas valide." });
  });
});

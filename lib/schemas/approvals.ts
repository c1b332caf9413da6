import { z } from "zod";
import { APPROVER_KINDS } from "@/lib/domain/vocabulary";
import { ticketReference } from "./primitives";

/** An approver's decision on a ticket waiting for approval; a refusal's reason is required by the service (422). */
export const approvalDecisionSchema = z
  .object({
    decision: z.enum(["approve", "refuse"], { error: "approvals.errors.chooseDecision" }),
    reason: z.string().trim().max(2000, "approvals.errors.reasonTooLong").optional(),
  })
  .meta({ id: "ApprovalDecision" });

/** The approval page's form (signed in): the ticket, the button pressed, the reason. */
export const approvalForm = approvalDecisionSchema.extend({ reference: ticketReference });

/** The e-mail link's form (no sign-in): the signed token stands for the approver. */
export const linkApprovalForm = approvalDecisionSchema.extend({ token: z.string().min(1).max(512) });

/** The head names a delegate among the school's staff, or removes one. */
export const approvalDelegateForm = z.object({
  uai: z.string().min(1).max(20),
  userId: z.uuid({ error: "approvals.errors.chooseDelegate" }),
});

/** An admin sets who approves a category's tickets, level by level, and whether it is a project. */
export const categoryApprovalSchema = z
  .object({
    levels: z
      .array(z.enum(APPROVER_KINDS, { error: "approvals.errors.unknownApprover" }))
      .max(APPROVER_KINDS.length)
      .refine((levels) => new Set(levels).size === levels.length, "approvals.errors.repeatedLevel"),
    project: z.boolean().optional(),
  })
  .meta({ id: "CategoryApprovalInput" });

export const categoryApprovalJsonSchema = z
  .object({ code: z.string(), approvalLevels: z.array(z.enum(APPROVER_KINDS)), project: z.boolean() })
  .meta({ id: "CategoryApproval" });

/** A category's code, as the catalogue writes them (SEC-FILTRAGE). */
export const categoryCode = z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);

const levelChoice = z.enum(["none", ...APPROVER_KINDS], { error: "approvals.errors.unknownApprover" });

/** The admin page's form for one category: who approves first, who then (or nobody), and whether it is a project. */
export const categoryApprovalForm = z
  .object({ code: categoryCode, first: levelChoice, second: levelChoice, project: z.literal("on").optional() })
  .transform(({ code, first, second, project }) => ({
    code,
    levels: [first, second].filter((kind): kind is (typeof APPROVER_KINDS)[number] => kind !== "none"),
    project: project === "on",
    repeated: first !== "none" && first === second,
    secondWithoutFirst: first === "none" && second !== "none",
  }))
  .refine((form) => !form.repeated, { message: "approvals.errors.repeatedLevel", path: ["second"] })
  .refine((form) => !form.secondWithoutFirst, { message: "approvals.errors.secondWithoutFirst", path: ["first"] })
  .transform(({ code, levels, project }) => ({ code, levels, project }));

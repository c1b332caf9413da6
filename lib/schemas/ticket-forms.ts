import { z } from "zod";
import { addCommentSchema } from "./tickets";
import { blankToUndefined, ticketReference } from "./primitives";

/** The forms of a ticket's page and of the closing e-mail's rating link, with French messages. */

const reference = ticketReference;

/** A public reply from the ticket's page; its files travel in the same form ("attachments"). */
export const replyForm = z.object({ reference, body: addCommentSchema.shape.body });

const reason = z
  .string({ error: "tickets.errors.sayWhyNotResolved" })
  .trim()
  .min(1, "tickets.errors.sayWhyNotResolved")
  .max(10_000, "tickets.errors.reasonTooLong");

/** Cancel, confirm the resolution, or reopen with a reason. */
export const requesterActionForm = z.discriminatedUnion(
  "action",
  [
    z.object({ reference, action: z.literal("cancel") }),
    z.object({ reference, action: z.literal("confirm") }),
    z.object({ reference, action: z.literal("reopen"), reason }),
  ],
  { error: "forms.errors.unknownAction" },
);

export const SCORES = [1, 2, 3, 4, 5] as const;
const scoreMessage = "rating.errors.chooseScore";

const rating = {
  score: z.coerce.number({ error: scoreMessage }).int(scoreMessage).min(1, scoreMessage).max(5, scoreMessage),
  comment: z.preprocess(blankToUndefined, z.string().trim().max(2_000, "rating.errors.commentTooLong").optional()),
};

/** Rating a closed ticket from its page. */
export const ticketRatingForm = z.object({ reference, ...rating });

/** Rating through the signed link of the closing e-mail (no sign-in). */
export const linkRatingForm = z.object({ token: z.string().min(1).max(512), ...rating });

/**
 * The file picker's hint to the browser, mirroring lib/attachments/policy.ts (which decides on
 * the bytes): images, PDF, text and office documents.
 */
export const ATTACHMENT_ACCEPT = [
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".heic",
  ".heif",
  ".pdf",
  ".txt",
  ".log",
  ".csv",
  ".md",
  ".docx",
  ".xlsx",
  ".pptx",
  ".odt",
  ".ods",
  ".odp",
  ".doc",
  ".xls",
  ".ppt",
].join(",");

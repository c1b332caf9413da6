import { database } from "@/db/client";
import type { ArticleDetail } from "@/db/queries/articles";
import { ticketDetail, ticketJournal } from "@/db/queries/ticket-detail";
import { storedText } from "@/i18n/text";
import { draftFromTicket } from "@/lib/domain/articles";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { fail, type ServiceResult } from "../service-result";
import { ARTICLES_FORBIDDEN, createArticle } from "./save-article";

const ANSWERED = new Set(["resolved", "closed"]);

/**
 * "Transformer en article": a draft for schools from a resolved (or closed) ticket, its question and its public
 * answers with the names of people and of the school removed (draftFromTicket), linked to the ticket's service
 * and category and to the ticket itself. Staff who write articles only.
 */
export async function startArticleFromTicket(
  caller: Caller,
  reference: string,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<ArticleDetail>> {
  if (!can(caller, "articles.write")) return fail(ARTICLES_FORBIDDEN);
  const db = database();
  const found = await ticketDetail(db, reference);
  if (!found) return fail({ kind: "not_found" });
  const { ticket } = found;
  if (!ANSWERED.has(ticket.status)) return fail({ kind: "conflict", message: "knowledge.errors.ticketNotResolved" });
  const journal = await ticketJournal(db, ticket.id, { kind: "none" });
  const answers = journal.filter(
    (event) => event.visibility === "public" && event.body?.trim() && event.author?.id !== ticket.requester.id,
  );
  const people = [ticket.requester.name, ticket.assignee?.name, ...journal.map((event) => event.author?.name)].filter(
    (name): name is string => Boolean(name),
  );
  const draft = draftFromTicket({
    title: ticket.title,
    description: ticket.description,
    answers: answers.map((event) => event.body!),
    people,
    places: [ticket.establishment.name],
  });
  const body = [
    `## ${storedText("knowledge.draft.question")}`,
    draft.question,
    `## ${storedText("knowledge.draft.answer")}`,
    draft.answer,
  ].join("\n\n");
  return createArticle(
    caller,
    {
      title: draft.title.length >= 3 ? draft.title : ticket.category.name,
      body,
      audience: "schools",
      services: [ticket.service.code],
      categories: [ticket.category.code],
      keywords: [],
      state: "draft",
    },
    actor,
    now,
    { sourceTicketId: ticket.id },
  );
}

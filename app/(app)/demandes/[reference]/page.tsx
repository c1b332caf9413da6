import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { visibleTicket } from "@/lib/pages/visible-ticket";
import { pageTitle } from "@/i18n/page-title";
import { InterventionList } from "@/components/interventions/intervention-list";
import { ApprovalPanel } from "@/components/approvals/approval-panel";
import { TicketSlaPanel } from "@/components/sla/ticket-sla-panel";
import { CategoryAnswers } from "@/components/tickets/category-answers";
import { GivenRating } from "@/components/tickets/given-rating";
import { LinkedEquipment } from "@/components/tickets/linked-equipment";
import { RatingForm } from "@/components/tickets/rating-form";
import { ReplyForm } from "@/components/tickets/reply-form";
import { RequesterActions, type Transition } from "@/components/tickets/requester-actions";
import { TicketFacts } from "@/components/tickets/ticket-facts";
import { CriticalPeriodNotice } from "@/components/tickets/critical-period-notice";
import { OutOfInventoryNotice } from "@/components/tickets/out-of-inventory-notice";
import { TicketHeader } from "@/components/tickets/ticket-header";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { Panel } from "@/components/ui/panel";
import { PlannedVisitNotice } from "@/components/planning/planned-visit-notice";
import { plannedVisitOf } from "@/lib/services/planning/ticket-visits";
import { isOpen } from "@/lib/domain/ticket-status";
import { readTicketSla } from "@/lib/services/sla/read-ticket-sla";
import { actOnTicket, rateFromTicketPage, replyToTicket } from "./actions";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await visibleTicket((await params).reference, "portal");
  return pageTitle("ticket", { reference });
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { found, interventions } = await visibleTicket((await params).reference, "portal");
  const justFiled = (await searchParams).cree === "1";

  const { ticket, journal, actions } = found;
  const [t, sla, visit] = await Promise.all([getTranslations(), readTicketSla(ticket.id, new Date()), plannedVisitOf(ticket.id)]);
  const transitions = actions.filter((action): action is Transition => action !== "rate");
  const canReply = isOpen(ticket.status) || ticket.status === "resolved";

  return (
    <article className="space-y-4">
      <Link href="/demandes" className="text-sm text-brand-700 underline">
        {t("tickets.detail.back")}
      </Link>
      {justFiled && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-emerald-900">
          {t("tickets.detail.created", { reference: ticket.reference })}
        </p>
      )}
      <TicketHeader ticket={ticket} />
      {visit && isOpen(ticket.status) && <PlannedVisitNotice visit={visit} />}
      <CriticalPeriodNotice period={ticket.criticalPeriod} />
      <OutOfInventoryNotice flags={ticket.flags} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <TicketTimeline events={journal} />
          {/* The school reads what was done and the time spent: the service leaves the staff's details out. */}
          {interventions.items.length > 0 && <InterventionList interventions={interventions} forStaff={false} />}
          {canReply && (
            <Panel title={t("tickets.reply.title")}>
              {ticket.status === "waiting_requester" && (
                <p className="mb-3 text-sm font-medium text-amber-900">{t("tickets.detail.waitingForYou")}</p>
              )}
              <ReplyForm reference={ticket.reference} action={replyToTicket} />
            </Panel>
          )}
        </div>
        <div className="space-y-4">
          {transitions.length > 0 && (
            <Panel title={t("tickets.actions.title")}>
              <RequesterActions reference={ticket.reference} allowed={transitions} action={actOnTicket} />
            </Panel>
          )}
          {(ticket.rating || actions.includes("rate")) && (
            <Panel title={t("rating.title")}>
              {ticket.rating ? (
                <GivenRating rating={ticket.rating} />
              ) : (
                <RatingForm action={rateFromTicketPage} hidden={{ reference: ticket.reference }} />
              )}
            </Panel>
          )}
          <ApprovalPanel levels={ticket.approvals} />
          {sla && <TicketSlaPanel view={sla} forSchool />}
          <TicketFacts ticket={ticket} />
          <CategoryAnswers fields={ticket.category.fields} answers={ticket.fields} />
          <LinkedEquipment items={ticket.cis} />
        </div>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { visibleTicket } from "@/lib/pages/visible-ticket";
import { pageTitle } from "@/i18n/page-title";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/desk/assign-form";
import { EscalateForm, type Shareable } from "@/components/desk/escalate-form";
import { HandBackForm } from "@/components/desk/hand-back-form";
import { LinkEquipmentForm } from "@/components/desk/link-equipment-form";
import { LinkTicketForm } from "@/components/desk/link-ticket-form";
import { MajorIncidentForm } from "@/components/desk/major-incident-form";
import { MergeForm } from "@/components/desk/merge-form";
import { MoveTeamForm } from "@/components/desk/move-team-form";
import { RequalifyForm } from "@/components/desk/requalify-form";
import { StatusForm } from "@/components/desk/status-form";
import { ArticleFromTicketButton } from "@/components/knowledge/article-from-ticket-button";
import { articleFromTicketAction } from "@/app/(app)/aide/actions";
import { TakeTicketForm } from "@/components/desk/take-ticket-form";
import { VendorReferenceForm } from "@/components/desk/vendor-reference-form";
import { InterventionForm } from "@/components/interventions/intervention-form";
import { InterventionList } from "@/components/interventions/intervention-list";
import { ApprovalPanel } from "@/components/approvals/approval-panel";
import { TicketSlaPanel } from "@/components/sla/ticket-sla-panel";
import { CategoryAnswers } from "@/components/tickets/category-answers";
import { LinkedEquipment } from "@/components/tickets/linked-equipment";
import { ReplyForm } from "@/components/tickets/reply-form";
import { TicketFacts } from "@/components/tickets/ticket-facts";
import { CriticalPeriodNotice } from "@/components/tickets/critical-period-notice";
import { ToQualifyNotice } from "@/components/tickets/to-qualify-notice";
import { OutOfInventoryNotice } from "@/components/tickets/out-of-inventory-notice";
import { TicketHeader } from "@/components/tickets/ticket-header";
import { OnboardingNotice } from "@/components/establishments/onboarding-notice";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { AttachmentLink } from "@/components/tickets/attachment-link";
import { Panel } from "@/components/ui/panel";
import { PlanVisitForm } from "@/components/planning/plan-visit-form";
import { visitProposals } from "@/lib/services/planning/ticket-visits";
import { planTicketVisit } from "./visit-actions";
import { can } from "@/lib/domain/permissions";
import { latestEscalationRole } from "@/lib/domain/sla-display";
import { deskActions, lifecyclePath } from "@/lib/domain/desk-actions";
import { parisInputValue, type TicketInterventions } from "@/lib/domain/interventions";
import { TRANSITIONS } from "@/lib/domain/ticket-status";
import { readCatalogue } from "@/lib/services/tickets/catalogue";
import { listDeskTeams, listHoldingTeamMembers, majorIncidentPanel } from "@/lib/services/desk/desk-options";
import { type ReadableTicket } from "@/lib/services/tickets/read-ticket";
import { readTicketSla } from "@/lib/services/sla/read-ticket-sla";

import {
  applyRequalification,
  assignTicket,
  changeStatus,
  escalate,
  groupUnderMajorIncident,
  handBack,
  linkEquipment,
  linkTicket,
  mergeIntoMaster,
  moveToTeam,
  previewRequalify,
  recordIntervention,
  replyFromDesk,
  setVendorReference,
  takeTicket,
} from "./actions";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await visibleTicket((await params).reference, "desk");
  return pageTitle("deskTicket", { reference });
}

const deskHref = (reference: string) => `/bureau/tickets/${reference}`;

/** What the technician may share with a vendor when escalating: the internal notes and their files. */
function shareableOf(journal: ReadableTicket["journal"]): Shareable {
  const internal = journal.filter((event) => event.visibility === "internal" && event.kind === "comment");
  return {
    notes: internal.map((event) => ({ id: event.id, label: `${event.author?.name ?? ""} : ${(event.body ?? "").slice(0, 120)}` })),
    files: internal.flatMap((event) => event.attachments.map((file) => ({ id: file.id, fileName: file.fileName }))),
  };
}

/** The ticket's interventions, and the form to record one when the reader may (not on a cancelled ticket). */
function Interventions({
  found,
  interventions,
  canRecord,
}: {
  found: ReadableTicket;
  interventions: TicketInterventions;
  canRecord: boolean;
}) {
  const { ticket } = found;
  return (
    <>
      <InterventionList interventions={interventions} forStaff />
      {canRecord && ticket.status !== "cancelled" && (
        <RecordInterventionPanel reference={ticket.reference} establishmentUai={ticket.establishment.uai} />
      )}
    </>
  );
}

async function RecordInterventionPanel({ reference, establishmentUai }: { reference: string; establishmentUai: string }) {
  const t = await getTranslations("interventions");
  return (
    <Panel title={t("form.title")}>
      <InterventionForm
        reference={reference}
        action={recordIntervention}
        establishmentUai={establishmentUai}
        defaultStart={parisInputValue(new Date())}
      />
    </Panel>
  );
}

/** A vendor's page of a ticket escalated to it: what it reads, and its three moves while the ticket waits for it. */
async function VendorTicket({ found, interventions }: { found: ReadableTicket; interventions: TicketInterventions }) {
  const t = await getTranslations();
  const { ticket, journal, attachments } = found;
  const working = found.vendorStage === "working";
  const inJournal = new Set(journal.flatMap((event) => event.attachments.map((file) => file.id)));
  const sharedFiles = attachments.filter((file) => !inJournal.has(file.id));
  return (
    <article className="space-y-4">
      <Link href="/bureau" className="text-sm text-brand-700 underline">
        {t("desk.ticket.back")}
      </Link>
      <TicketHeader ticket={ticket} forStaff />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <TicketTimeline events={journal} forStaff />
          <Interventions found={found} interventions={interventions} canRecord={working} />
          {working && (
            <Panel title={t("vendorAccess.reply.title")}>
              <ReplyForm reference={ticket.reference} action={replyFromDesk} internalOnlyHint={t("vendorAccess.reply.hint")} />
            </Panel>
          )}
        </div>
        <div className="space-y-4">
          <Panel title={t("vendorAccess.panel.title")}>
            <p className="text-sm" data-vendor-stage={found.vendorStage}>
              {t(working ? "vendorAccess.panel.working" : "vendorAccess.panel.readOnly")}
            </p>
          </Panel>
          {sharedFiles.length > 0 && (
            <Panel title={t("vendorAccess.shared.title")}>
              <ul className="space-y-0.5 text-sm">
                {sharedFiles.map((file) => (
                  <li key={file.id}>
                    <AttachmentLink file={file} />
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          {working && (
            <>
              <Panel title={t("vendorAccess.reference.title")}>
                <VendorReferenceForm reference={ticket.reference} action={setVendorReference} current={ticket.vendor?.reference ?? null} />
              </Panel>
              <Panel title={t("vendorAccess.handBack.title")}>
                <HandBackForm reference={ticket.reference} action={handBack} />
              </Panel>
            </>
          )}
          <TicketFacts ticket={ticket} ticketHref={deskHref} />
          <CategoryAnswers fields={ticket.category.fields} answers={ticket.fields} />
          <LinkedEquipment items={ticket.cis} />
        </div>
      </div>
    </article>
  );
}

export default async function DeskTicketPage({ params }: Props) {
  const { caller, reference, found, interventions } = await visibleTicket((await params).reference, "desk");
  if (found.vendorStage) return <VendorTicket found={found} interventions={interventions} />;
  const [teams, members, catalogue, t, visits, major] = await Promise.all([
    listDeskTeams(caller),
    listHoldingTeamMembers(caller, reference),
    readCatalogue(),
    getTranslations(),
    visitProposals(caller, reference, new Date()),
    majorIncidentPanel(caller, reference, new Date()),
  ]);
  if (!teams || !members) notFound();

  const { ticket, journal } = found;
  const sla = await readTicketSla(ticket.id, new Date());
  // The lifecycle table decides which moves the page offers.
  const actions = new Set(deskActions(ticket.status));
  const nextStatuses = TRANSITIONS[ticket.status];
  const teamName = Object.fromEntries([...teams.region, ...teams.academy, ...teams.vendor].map((team) => [team.code, team.name]));
  const services = catalogue.map((service) => ({
    code: service.code,
    name: service.name,
    categories: service.categories.map(({ code, name, type }) => ({ code, name, type })),
  }));

  return (
    <article className="space-y-4">
      <Link href="/bureau" className="text-sm text-brand-700 underline">
        {t("desk.ticket.back")}
      </Link>
      <TicketHeader ticket={ticket} forStaff />
      <CriticalPeriodNotice period={ticket.criticalPeriod} />
      <OutOfInventoryNotice flags={ticket.flags} />
      <ToQualifyNotice flags={ticket.flags} />
      <OnboardingNotice state={ticket.establishment.onboardingState} long />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <TicketTimeline events={journal} forStaff />
          <Interventions found={found} interventions={interventions} canRecord={can(caller, "tickets.work")} />
          {actions.has("reply") && (
            <Panel title={t("tickets.reply.title")}>
              <ReplyForm reference={ticket.reference} action={replyFromDesk} allowInternal />
            </Panel>
          )}
        </div>
        <div className="space-y-4">
          <ApprovalPanel levels={ticket.approvals} />
          {sla && <TicketSlaPanel view={sla} escalationRole={latestEscalationRole(journal)} />}
          <TicketFacts ticket={ticket} ticketHref={deskHref} />
          {(ticket.status === "resolved" || ticket.status === "closed") && can(caller, "articles.write") && (
            <ArticleFromTicketButton reference={ticket.reference} action={articleFromTicketAction} />
          )}
          {actions.has("take") && ticket.assignee?.id !== caller.id && (
            <Panel title={t("desk.take.title")}>
              <TakeTicketForm reference={ticket.reference} action={takeTicket} />
            </Panel>
          )}
          {actions.has("status") && (
            <Panel title={t("desk.status.title")}>
              <StatusForm reference={ticket.reference} action={changeStatus} next={nextStatuses} />
            </Panel>
          )}
          {actions.has("assign") && (
            <>
              <Panel title={t("desk.assign.title")}>
                <AssignForm reference={ticket.reference} action={assignTicket} members={members} assigneeId={ticket.assignee?.id ?? null} />
              </Panel>
              <Panel title={t("desk.move.title")}>
                <MoveTeamForm
                  reference={ticket.reference}
                  action={moveToTeam}
                  teams={teams}
                  currentTeam={ticket.assignedTeam?.code ?? null}
                />
              </Panel>
              {actions.has("escalate") && (
                <Panel title={t("desk.escalate.title")}>
                  <EscalateForm
                    reference={ticket.reference}
                    action={escalate}
                    teams={teams}
                    shareable={shareableOf(journal)}
                    status={ticket.status}
                    vendorVia={(lifecyclePath(ticket.status, "waiting_vendor") ?? []).slice(0, -1)}
                  />
                </Panel>
              )}
              <Panel title={t("desk.requalify.title")}>
                <RequalifyForm
                  reference={ticket.reference}
                  services={services}
                  teamName={teamName}
                  preview={previewRequalify}
                  apply={applyRequalification}
                  current={{
                    type: ticket.type,
                    serviceCode: ticket.service.code,
                    categoryCode: ticket.category.code,
                    impact: ticket.impact,
                    urgency: ticket.urgency,
                  }}
                />
              </Panel>
              {visits && (
                <Panel title={t("planning.desk.title")}>
                  <PlanVisitForm
                    reference={ticket.reference}
                    action={planTicketVisit}
                    planned={visits.planned}
                    proposals={visits.proposals}
                  />
                </Panel>
              )}
              <Panel title={t("desk.equipment.title")}>
                <LinkEquipmentForm reference={ticket.reference} action={linkEquipment} establishmentUai={ticket.establishment.uai} />
              </Panel>
            </>
          )}
          <Panel title={t("desk.link.title")}>
            <div className="space-y-3">
              <LinkTicketForm reference={ticket.reference} action={linkTicket} />
              {actions.has("merge") && <MergeForm reference={ticket.reference} action={mergeIntoMaster} />}
            </div>
          </Panel>
          {major && (major.groupedCount > 0 || major.groupedInto || (actions.has("merge") && major.majors.length > 0)) && (
            <Panel title={t("announcements.major.title")}>
              <div className="space-y-3 text-sm">
                {major.groupedCount > 0 && <p>{t("announcements.major.groupedCount", { count: major.groupedCount })}</p>}
                {major.groupedInto ? (
                  <p>{t("announcements.major.groupedInto", { reference: major.groupedInto })}</p>
                ) : (
                  actions.has("merge") &&
                  major.majors.length > 0 && (
                    <MajorIncidentForm reference={ticket.reference} action={groupUnderMajorIncident} majors={major.majors} />
                  )
                )}
              </div>
            </Panel>
          )}
          <CategoryAnswers fields={ticket.category.fields} answers={ticket.fields} />
          <LinkedEquipment items={ticket.cis} />
        </div>
      </div>
    </article>
  );
}

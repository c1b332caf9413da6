import { and, eq, isNull } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { campaignByYear, listCampaigns, schoolContacts, allocatedRequests } from "@/db/queries/campaigns";
import { campaigns } from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import { allocationVisibleToSchool, campaignMoment } from "@/lib/domain/campaigns";
import { env } from "@/lib/env";
import { allocationEmail, surveyOpenEmail } from "@/lib/mail/campaign-templates";
import type { RenderedEmail } from "@/lib/mail/templates";
import { afterCommit } from "../after-commit";
import { writeOutbox } from "../mail/write-outbox";

type Contact = Awaited<ReturnType<typeof schoolContacts>>[number];

/** The notice to each contact of a school, once per key, school and person. */
const writeMails = (tx: Executor, key: string, contacts: Contact[], render: (contact: Contact) => RenderedEmail, now: Date) =>
  writeOutbox(
    tx,
    contacts,
    (contact) => ({ idempotencyKey: `${key}:${contact.establishmentId}:${contact.id}`, email: render(contact) }),
    now,
  );

/** Locks the campaign row and says whether this notice is still to send (the marker column is null). */
async function claim(tx: Executor, campaignId: string, marker: "survey" | "allocation"): Promise<boolean> {
  const column = marker === "survey" ? campaigns.surveyMailedAt : campaigns.allocationMailedAt;
  const [row] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(column)))
    .for("update");
  return row !== undefined;
}

/**
 * The mailCampaignNotices job: when a campaign's survey has opened, every school's head and secrétaire général are
 * asked to fill its questionnaire; once its allocations are notified, each allocated school's are told them, line by
 * line. One transaction per notice (campaign row locked, marked with its outbox rows; one key per school and person),
 * so a retry, a restart or two workers mail each once. Returns how many notices were sent.
 */
export async function mailCampaignNotices(now: Date): Promise<number> {
  const today = parisDay(now);
  let sent = 0;
  for (const campaign of await listCampaigns(database())) {
    const moment = campaignMoment(campaign, today);
    if (moment === "survey" && !campaign.surveyMailedAt) {
      const ids = await database().transaction(async (tx) => {
        if (!(await claim(tx, campaign.id, "survey"))) return null;
        const contacts = await schoolContacts(tx, null);
        const written = await writeMails(
          tx,
          `campaign:${campaign.year}:survey`,
          contacts,
          (contact) =>
            surveyOpenEmail({
              appUrl: env().APP_URL,
              recipientName: contact.name,
              year: campaign.year,
              school: { uai: contact.uai, name: contact.school },
              surveyTo: campaign.survey.to,
            }),
          now,
        );
        await tx.update(campaigns).set({ surveyMailedAt: now }).where(eq(campaigns.id, campaign.id));
        return written;
      });
      if (ids) {
        sent += 1;
        await afterCommit({ outboxIds: ids });
      }
    }
    if (allocationVisibleToSchool(moment) && moment !== "closed" && !campaign.allocationMailedAt) {
      const ids = await database().transaction(async (tx) => {
        if (!(await claim(tx, campaign.id, "allocation"))) return null;
        const fresh = (await campaignByYear(tx, campaign.year))!;
        const label = new Map(fresh.catalogue.map((item) => [item.code, item.label]));
        const requests = await allocatedRequests(tx, campaign.id);
        const contacts = await schoolContacts(
          tx,
          requests.map((request) => request.establishmentId),
        );
        const linesOf = new Map(requests.map((request) => [request.establishmentId, request.lines]));
        const written = await writeMails(
          tx,
          `campaign:${campaign.year}:allocation`,
          contacts,
          (contact) =>
            allocationEmail({
              appUrl: env().APP_URL,
              recipientName: contact.name,
              year: campaign.year,
              school: { uai: contact.uai, name: contact.school },
              lines: (linesOf.get(contact.establishmentId) ?? []).map((line) => ({
                label: label.get(line.code) ?? line.code,
                room: line.room,
                requested: line.quantity,
                granted: line.granted ?? 0,
                reason: line.reason,
              })),
            }),
          now,
        );
        await tx.update(campaigns).set({ allocationMailedAt: now }).where(eq(campaigns.id, campaign.id));
        return written;
      });
      if (ids) {
        sent += 1;
        await afterCommit({ outboxIds: ids });
      }
    }
  }
  return sent;
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import {
  AdviceForm,
  AllocationForm,
  QuestionnaireForm,
  SubmitQuestionnaireForm,
  type DraftLine,
} from "@/components/campaigns/questionnaire-forms";
import { dateWriter } from "@/components/ui/date-time";
import { titledOnceFound } from "@/i18n/page-title";
import { pageCaller } from "@/lib/auth/current-caller";
import { campaignYear } from "@/lib/schemas/campaigns";
import { uaiCode } from "@/lib/schemas/primitives";
import { readQuestionnaire, type Questionnaire } from "@/lib/services/campaigns/questionnaire";
import { allocateAction, askAdviceAction, saveQuestionnaireAction, submitQuestionnaireAction } from "../../../actions";

type Props = { params: Promise<{ year: string; uai: string }> };

const load = cache(async (raw: { year: string; uai: string }): Promise<Questionnaire> => {
  const year = campaignYear.safeParse(raw.year);
  const uai = uaiCode.safeParse(raw.uai);
  if (!year.success || !uai.success) notFound();
  const view = await readQuestionnaire(await pageCaller(), year.data, uai.data, new Date());
  if (!view.ok) notFound();
  return view.value;
});

export const generateMetadata = titledOnceFound("campaignRequest", async ({ params }: Props) => load(await params));

/** Lines proposed from the renewal candidates (per room and class) when the school has not started: the catalogue's first item of that class. */
function prefilled(view: Questionnaire, justification: (count: number) => string): DraftLine[] {
  return view.inventory.renewalCandidates.flatMap((row) => {
    const item = view.campaign.catalogue.find((entry) => entry.class === row.class);
    if (!item) return [];
    return [
      {
        room: row.room ?? "",
        code: item.code,
        quantity: row.count,
        kind: "renewal" as const,
        justification: justification(row.count),
        priority: 1,
      },
    ];
  });
}

/** A school's questionnaire (its staff fill and submit it during the survey; the analysts allocate it during the analysis). */
export default async function QuestionnairePage({ params }: Props) {
  const view = await load(await params);
  const [t, tCmdb, tTickets, write] = await Promise.all([
    getTranslations("campaigns"),
    getTranslations("cmdb"),
    getTranslations("tickets"),
    dateWriter(),
  ]);
  const { campaign, school } = view;
  const label = new Map(campaign.catalogue.map((item) => [item.code, item.label]));
  const className = (ciClass: string) => tCmdb(`classes.${ciClass}` as never);
  const started = view.status !== "not_started";
  const draftLines: DraftLine[] = started
    ? view.lines.map((line) => ({
        room: line.room ?? "",
        code: line.code,
        quantity: line.quantity,
        kind: line.kind,
        justification: line.justification,
        priority: line.priority,
      }))
    : prefilled(view, (count) => t("questionnaire.prefillJustification", { count }));
  const summary = (line: Questionnaire["lines"][number]) =>
    t("questionnaire.lineSummary", {
      quantity: line.quantity,
      item: label.get(line.code) ?? line.code,
      kind: t(`kinds.${line.kind}`),
      priority: t(`priorities.${line.priority}` as never),
    });
  return (
    <section className="space-y-4">
      <p className="text-sm">
        <Link href={`/campagnes/${campaign.year}`} className="text-brand-700 underline">
          {t("year", { year: campaign.year })}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("questionnaire.title", { year: campaign.year })}</h1>
      <p className="text-slate-700">{t("questionnaire.school", { school: school.name, uai: school.uai })}</p>
      <p className="rounded-md bg-slate-100 p-3 text-sm">
        {view.moment === "survey"
          ? t("questionnaire.surveyOpen", { to: write.day(campaign.survey.to, "longDay") })
          : t("questionnaire.surveyClosed")}
      </p>
      <p className="font-medium">{t("questionnaire.status", { status: t(`statuses.${view.allocatedAt ? "allocated" : view.status}`) })}</p>
      {view.submittedAt && view.submittedBy ? (
        <p className="text-sm">{t("questionnaire.submittedBy", { name: view.submittedBy, at: write.moment(view.submittedAt) })}</p>
      ) : null}
      {view.approvedAt && view.approvedBy ? (
        <p className="text-sm">{t("questionnaire.approvedBy", { name: view.approvedBy, at: write.moment(view.approvedAt) })}</p>
      ) : null}

      <details className="rounded-lg border border-slate-200 bg-white p-3" open={!started}>
        <summary className="cursor-pointer font-medium">{t("questionnaire.inventory")}</summary>
        <div className="mt-2 space-y-3 text-sm">
          <div>
            <h2 className="font-medium">{t("questionnaire.renewal")}</h2>
            {view.inventory.renewalCandidates.length ? (
              <ul className="list-disc pl-5">
                {view.inventory.renewalCandidates.map((row) => (
                  <li key={`${row.building}-${row.room}-${row.class}`}>
                    {t("questionnaire.renewalRow", {
                      room: row.room ?? t("questionnaire.noRoom"),
                      count: row.count,
                      class: className(row.class),
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("questionnaire.noRenewal")}</p>
            )}
          </div>
          <div>
            <h2 className="font-medium">{t("questionnaire.mixed")}</h2>
            {view.inventory.mixedRooms.length ? (
              <ul className="list-disc pl-5">
                {view.inventory.mixedRooms.map((room) => (
                  <li key={`${room.building}-${room.room}`}>
                    {t("questionnaire.mixedRow", {
                      room: room.room,
                      models: room.models
                        .map(
                          (model) => `${model.count} × ${[model.brand, model.model].filter(Boolean).join(" ") || className(model.class)}`,
                        )
                        .join(", "),
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("questionnaire.noMixed")}</p>
            )}
          </div>
          <div>
            <h2 className="font-medium">{t("questionnaire.counts")}</h2>
            <ul className="list-disc pl-5">
              {view.inventory.counts.map((row) => (
                <li key={row.class}>
                  {t("questionnaire.countRow", {
                    class: className(row.class),
                    count: row.count,
                    age: row.averageAge === null ? t("questionnaire.ageUnknown") : t("questionnaire.ageYears", { age: row.averageAge }),
                  })}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h2 className="font-medium">{t("questionnaire.history")}</h2>
            {view.inventory.history.length ? (
              <ul className="list-disc pl-5">
                {view.inventory.history.map((row) => (
                  <li key={`${row.year}-${row.code}`}>
                    {t("questionnaire.historyRow", { year: row.year, granted: row.granted, label: row.label })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("questionnaire.noHistory")}</p>
            )}
          </div>
        </div>
      </details>

      <h2 className="text-xl font-semibold">{t("questionnaire.needs")}</h2>
      {view.can.edit ? (
        <>
          {!started && draftLines.length ? <p className="text-sm text-slate-700">{t("questionnaire.prefilled")}</p> : null}
          <QuestionnaireForm
            key={view.updatedAt?.toISOString() ?? "new"}
            action={saveQuestionnaireAction}
            year={campaign.year}
            uai={school.uai}
            pupils={view.pupils}
            notes={view.notes}
            lines={draftLines}
            catalogue={campaign.catalogue.map((item) => ({ code: item.code, label: `${item.label} (${item.model})` }))}
          />
        </>
      ) : view.lines.length ? (
        <ol className="space-y-2">
          {view.lines.map((line) => (
            <li key={line.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <p className="font-medium">
                {line.room ? `${line.room} — ` : ""}
                {summary(line)}
              </p>
              <p className="text-slate-700">{line.justification}</p>
              {line.granted !== null ? (
                <p className="mt-1 font-medium text-emerald-800">
                  {t("questionnaire.grantedRow", { granted: line.granted, quantity: line.quantity })}
                </p>
              ) : null}
              {line.reason ? <p>{t("questionnaire.reason", { reason: line.reason })}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("questionnaire.noLines")}</p>
      )}
      {view.status === "submitted" && !view.isHead ? <p className="text-sm">{t("questionnaire.waitingHead")}</p> : null}
      {view.can.submit && started ? (
        <SubmitQuestionnaireForm
          action={submitQuestionnaireAction}
          year={campaign.year}
          uai={school.uai}
          label={view.can.approve ? t("questionnaire.approve") : view.isHead ? t("questionnaire.submitHead") : t("questionnaire.submit")}
        />
      ) : null}
      {view.status !== "not_started" && !view.allocatedAt && (view.moment === "analysis" || view.moment === "survey") ? (
        <p className="text-sm text-slate-600">
          {t("questionnaire.allocationPending", { from: write.day(campaign.allocation.from, "longDay") })}
        </p>
      ) : null}

      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <h2 className="font-medium">{t("questionnaire.advice")}</h2>
        {view.advice ? (
          <>
            <p className="text-sm">
              {t("questionnaire.adviceTicket", {
                reference: view.advice.reference,
                status: tTickets(`status.${view.advice.status}` as never),
              })}
            </p>
            {view.advice.answers.length ? (
              view.advice.answers.map((answer) => (
                <blockquote key={answer.createdAt.toISOString()} className="border-l-4 border-slate-300 pl-3 text-sm">
                  <p className="text-slate-600">
                    {t("questionnaire.adviceAnswer", { author: answer.author, at: write.moment(answer.createdAt) })}
                  </p>
                  <p className="whitespace-pre-line">{answer.body}</p>
                </blockquote>
              ))
            ) : (
              <p className="text-sm text-slate-600">{t("questionnaire.adviceNoAnswer")}</p>
            )}
          </>
        ) : view.can.askAdvice ? (
          <>
            <p className="text-sm">{t("questionnaire.adviceIntro")}</p>
            <AdviceForm action={askAdviceAction} year={campaign.year} uai={school.uai} />
          </>
        ) : null}
      </section>

      {view.can.allocate ? (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("allocate.title")}</h2>
          <AllocationForm
            action={allocateAction}
            year={campaign.year}
            uai={school.uai}
            lines={view.lines.map((line) => ({
              id: line.id,
              summary: t("allocate.requested", {
                quantity: line.quantity,
                item: label.get(line.code) ?? line.code,
                room: line.room ?? t("questionnaire.noRoom"),
                kind: t(`kinds.${line.kind}`),
                priority: t(`priorities.${line.priority}` as never),
              }),
              quantity: line.quantity,
              granted: line.granted,
              reason: line.reason,
            }))}
          />
        </section>
      ) : null}
    </section>
  );
}

import { translatorFor, type TextValues } from "@/i18n/text";
import { renderEmail, type Block, type RenderedEmail } from "./templates";

/** What an account e-mail tells its person. Links carry a one-time token; they are the only way in. */
export type AccountEmailContent =
  | { kind: "invitation"; token: string; invitedBy: string; lifetimeHours: number }
  | { kind: "reset"; token: string; lifetimeHours: number }
  | { kind: "school_added"; school: string; by: string }
  | { kind: "school_removed"; school: string; by: string; disabled: boolean }
  | { kind: "function_changed"; school: string; functionLabel: string | null; by: string }
  | { kind: "disabled"; by: string }
  | { kind: "enabled"; by: string };

/** Account e-mails are French: the words come from messages/fr/mail.json. */
const french = translatorFor("fr");
const t = (key: string, values?: TextValues) => french(`mail.account.${key}`, values);

function blocksOf(content: AccountEmailContent, appUrl: string): { subject: string; blocks: Block[] } {
  const passwordLink = (token: string) => `${appUrl}/mot-de-passe/${encodeURIComponent(token)}`;
  switch (content.kind) {
    case "invitation":
      return {
        subject: t("invitation.subject"),
        blocks: [
          { paragraph: t("invitation.body", { by: content.invitedBy }) },
          { paragraph: t("invitation.next") },
          { link: { label: t("invitation.link"), url: passwordLink(content.token) } },
          { paragraph: t("invitation.linkLife", { hours: content.lifetimeHours }) },
        ],
      };
    case "reset":
      return {
        subject: t("reset.subject"),
        blocks: [
          { paragraph: t("reset.body") },
          { link: { label: t("reset.link"), url: passwordLink(content.token) } },
          { paragraph: t("reset.linkLife", { hours: content.lifetimeHours }) },
        ],
      };
    case "school_added":
      return {
        subject: t("schoolAdded.subject"),
        blocks: [{ paragraph: t("schoolAdded.body", { by: content.by, school: content.school }) }],
      };
    case "school_removed":
      return {
        subject: t("schoolRemoved.subject"),
        blocks: [
          { paragraph: t("schoolRemoved.body", { by: content.by, school: content.school }) },
          ...(content.disabled ? [{ paragraph: t("schoolRemoved.disabled") }] : []),
        ],
      };
    case "function_changed":
      return {
        subject: t("functionChanged.subject"),
        blocks: [
          {
            paragraph: content.functionLabel
              ? t("functionChanged.body", { by: content.by, school: content.school, function: content.functionLabel })
              : t("functionChanged.removed", { by: content.by, school: content.school }),
          },
        ],
      };
    case "disabled":
      return { subject: t("disabled.subject"), blocks: [{ paragraph: t("disabled.body", { by: content.by }) }] };
    case "enabled":
      return { subject: t("enabled.subject"), blocks: [{ paragraph: t("enabled.body", { by: content.by }) }] };
  }
}

/** The e-mail (in French) about a person's own account. */
export function accountEmail(input: { appUrl: string; recipientName: string; content: AccountEmailContent }): RenderedEmail {
  const { subject, blocks } = blocksOf(input.content, input.appUrl.replace(/\/+$/, ""));
  return renderEmail(subject, [{ paragraph: french("mail.greeting", { name: input.recipientName }) }, ...blocks], t("footer"));
}

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

const FOOTER = "Cet e-mail est envoyé automatiquement par Guichet, l'assistance informatique des lycées. Merci de ne pas y répondre.";

function blocksOf(content: AccountEmailContent, appUrl: string): { subject: string; blocks: Block[] } {
  const passwordLink = (token: string) => `${appUrl}/mot-de-passe/${encodeURIComponent(token)}`;
  switch (content.kind) {
    case "invitation":
      return {
        subject: "Votre compte Guichet est ouvert",
        blocks: [
          { paragraph: `${content.invitedBy} vous a ouvert un compte sur Guichet, l'assistance informatique des lycées.` },
          { paragraph: "Choisissez votre mot de passe pour l'activer :" },
          { link: { label: "Choisir mon mot de passe", url: passwordLink(content.token) } },
          { paragraph: `Ce lien fonctionne une seule fois, pendant ${content.lifetimeHours} heures. Passé ce délai, utilisez « Mot de passe oublié ? » sur la page de connexion.` },
        ],
      };
    case "reset":
      return {
        subject: "Réinitialisation de votre mot de passe Guichet",
        blocks: [
          { paragraph: "Vous avez demandé à choisir un nouveau mot de passe :" },
          { link: { label: "Choisir un nouveau mot de passe", url: passwordLink(content.token) } },
          { paragraph: `Ce lien fonctionne une seule fois, pendant ${content.lifetimeHours} heure(s). Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.` },
        ],
      };
    case "school_added":
      return { subject: "Vous avez été rattaché à un établissement", blocks: [{ paragraph: `${content.by} vous a rattaché à l'établissement ${content.school} sur Guichet.` }] };
    case "school_removed":
      return {
        subject: "Vous n'êtes plus rattaché à un établissement",
        blocks: [
          { paragraph: `${content.by} vous a retiré de l'établissement ${content.school} sur Guichet.` },
          ...(content.disabled ? [{ paragraph: "Vous n'êtes plus rattaché à aucun établissement : votre compte est désactivé." }] : []),
        ],
      };
    case "function_changed":
      return {
        subject: "Votre fonction a changé",
        blocks: [{
          paragraph: content.functionLabel
            ? `${content.by} a indiqué votre fonction à l'établissement ${content.school} : ${content.functionLabel}.`
            : `${content.by} a retiré votre fonction à l'établissement ${content.school}.`,
        }],
      };
    case "disabled":
      return { subject: "Votre compte Guichet est désactivé", blocks: [{ paragraph: `${content.by} a désactivé votre compte Guichet.` }] };
    case "enabled":
      return { subject: "Votre compte Guichet est réactivé", blocks: [{ paragraph: `${content.by} a réactivé votre compte Guichet.` }] };
  }
}

/** The French e-mail about a person's own account. */
export function accountEmail(input: { appUrl: string; recipientName: string; content: AccountEmailContent }): RenderedEmail {
  const { subject, blocks } = blocksOf(input.content, input.appUrl.replace(/\/+$/, ""));
  return renderEmail(subject, [{ paragraph: `Bonjour ${input.recipientName},` }, ...blocks], FOOTER);
}

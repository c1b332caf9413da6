import "@/lib/load-dotenv";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db/client";
import { ROLES, type Role } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { closeProducers } from "@/lib/queue/producer";
import { closeRedis } from "@/lib/redis";
import { createAccount } from "@/lib/services/accounts/create-account";
import { mailServerAnswers } from "@/lib/services/mail/send-outbox-email";

/**
 * `npm run user:create -- --email … --name … --role admin [--establishment UAI…] [--team CODE…]`: opens an
 * account (the first admin of a database seeded with `--reference-only`) and sends its invitation. When no
 * mail server answers, prints the invitation link so the person can still choose a password.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "admin" },
      establishment: { type: "string", multiple: true },
      team: { type: "string", multiple: true },
    },
  });
  if (!values.email || !values.name || !ROLES.includes(values.role as Role)) {
    console.error(
      `Usage : npm run user:create -- --email <adresse> --name <nom> --role <${ROLES.join("|")}> [--establishment UAI] [--team CODE]`,
    );
    return 2;
  }
  const author = { id: null, name: "L'administrateur de Guichet", role: "admin" as const, establishmentIds: [] };
  const actor = { userId: null, label: "user:create", ip: null, requestId: null };
  const created = await createAccount(
    author,
    {
      email: values.email,
      name: values.name,
      role: values.role as Role,
      establishments: values.establishment,
      teams: values.team,
    },
    new Date(),
    actor,
  );
  if (!created.ok) {
    const { failure } = created;
    console.error(`Compte non créé : ${"message" in failure ? failure.message : "introuvable"}`);
    for (const error of ("errors" in failure ? failure.errors : undefined) ?? []) console.error(`  ${error.field} : ${error.message}`);
    return 1;
  }
  console.log(`Compte créé pour ${values.email.toLowerCase()} ; l'invitation est dans la file d'envoi.`);
  if (!(await mailServerAnswers())) {
    console.log("Aucun serveur de messagerie ne répond. Lien pour choisir le mot de passe (valable 72 heures, une seule fois) :");
    console.log(`${env().APP_URL.replace(/\/+$/, "")}/mot-de-passe/${created.value.invitationToken}`);
  }
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeProducers();
    await closeRedis();
    await closeDatabase();
  });

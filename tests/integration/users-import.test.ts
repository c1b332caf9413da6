import { and, count, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as importUsers } from "@/app/api/v1/users/import/route";
import { database } from "@/db/client";
import { auditEvents, establishments, outboxEmails, passwordLinks, userEstablishments, users } from "@/db/schema";
import { openApiDocument } from "@/lib/api/openapi";
import { importAccounts } from "@/lib/services/accounts/import-accounts";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { API, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";

type Answer = {
  dryRun: boolean;
  encoding: string;
  delimiter: string;
  ignoredColumns: string[];
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reasons: string[] }>;
  rows: Array<{
    line: number;
    action: string;
    email: string;
    uai: string;
    userId: string | null;
    changes: Array<{ field: string; to: unknown }>;
    reasons: string[];
  }>;
};

let admin: string, proviseur: string, csl: string, tech: string;

beforeAll(async () => {
  [admin, proviseur, csl, tech] = await Promise.all([
    tokenFor("admin@guichet.test"),
    tokenFor("proviseur.choiseul@guichet.test"),
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
  ]);
});

async function upload(token: string | null, content: Uint8Array | string, dryRun: boolean) {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), "annuaire.csv");
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await importUsers(
    new Request(`${API}/users/import?dryRun=${dryRun}`, { method: "POST", headers, body: form }),
    {} as never,
  );
  return { status: response.status, body: (await response.json()) as Answer & ProblemBody };
}

/** Accounts (with their schools, sorted) whose e-mail ends with the domain, as the database holds them. */
async function accountsOf(domain: string) {
  const rows = await database()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      functionCode: users.functionCode,
      passwordHash: users.passwordHash,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(like(users.email, `%@${domain}`))
    .orderBy(users.email);
  const schools = rows.length
    ? await database()
        .select({ userId: userEstablishments.userId, uai: establishments.uai })
        .from(userEstablishments)
        .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
        .where(
          inArray(
            userEstablishments.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    uais: schools
      .filter((school) => school.userId === row.id)
      .map((school) => school.uai)
      .sort(),
  }));
}

const auditCount = async (ids: string[]) =>
  ids.length
    ? (
        await database()
          .select({ n: count() })
          .from(auditEvents)
          .where(and(inArray(auditEvents.objectId, ids), eq(auditEvents.objectType, "user")))
      )[0]!.n
    : 0;

/** The e-mails the outbox holds for addresses of the domain, and the invitation links of its accounts, by address. */
async function invitationsOf(domain: string) {
  const mails = await database()
    .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(like(outboxEmails.toAddress, `%@${domain}`))
    .orderBy(outboxEmails.toAddress);
  const links = await database()
    .select({ email: users.email, purpose: passwordLinks.purpose })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(like(users.email, `%@${domain}`))
    .orderBy(users.email);
  return { mails, links };
}

const DIRECTORY = [
  "E-mail;Nom;Prénom;UAI;Fonction;Téléphone",
  "nadia.roussel@annuaire.test;Roussel;Nadia;0410718H;DIR;02 00 00 00 00",
  "marc.lenoir@annuaire.test;Lenoir;Marc;0410718H;ENS;",
  "marc.lenoir@annuaire.test;Lenoir;Marc;0360002G;ENS;",
  "ines.petit@annuaire.test;Petit;Inès;0360002G;CSL;",
  "sans.ecole@annuaire.test;Ecole;Sans;0750001U;ENS;",
  "pas-une-adresse;Faux;Mail;0410718H;ENS;",
].join("\r\n");

describe("POST /api/v1/users/import", () => {
  test("a dry run says row by row and writes nothing; applying writes the accepted rows; importing again changes nothing", async () => {
    const dry = await upload(admin, DIRECTORY, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      encoding: "utf-8",
      delimiter: ";",
      ignoredColumns: ["Téléphone"],
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    expect(dry.body.rows.map((row) => [row.line, row.email, row.action])).toEqual([
      [2, "nadia.roussel@annuaire.test", "create"],
      [3, "marc.lenoir@annuaire.test", "create"],
      [4, "marc.lenoir@annuaire.test", "create"],
      [5, "ines.petit@annuaire.test", "create"],
      [6, "sans.ecole@annuaire.test", "reject"],
      [7, "pas-une-adresse", "reject"],
    ]);
    expect(dry.body.rejected).toEqual([
      { line: 6, reasons: ["UAI inconnu de Guichet : 0750001U."] },
      { line: 7, reasons: ["E-mail invalide : « pas-une-adresse »."] },
    ]);
    expect(await accountsOf("annuaire.test")).toEqual([]);
    expect(await invitationsOf("annuaire.test")).toEqual({ mails: [], links: [] });

    const applied = await upload(admin, DIRECTORY, false);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ dryRun: false, created: 4, updated: 0, unchanged: 0 });
    const stored = await accountsOf("annuaire.test");
    expect(
      stored.map(({ email, name, role, functionCode, passwordHash, uais }) => ({ email, name, role, functionCode, passwordHash, uais })),
    ).toEqual([
      {
        email: "ines.petit@annuaire.test",
        name: "Inès Petit",
        role: "requester",
        functionCode: "csl",
        passwordHash: null,
        uais: ["0360002G"],
      },
      {
        email: "marc.lenoir@annuaire.test",
        name: "Marc Lenoir",
        role: "requester",
        functionCode: null,
        passwordHash: null,
        uais: ["0360002G", "0410718H"],
      },
      {
        email: "nadia.roussel@annuaire.test",
        name: "Nadia Roussel",
        role: "manager",
        functionCode: "chef_etablissement",
        passwordHash: null,
        uais: ["0410718H"],
      },
    ]);
    expect(applied.body.rows.find((row) => row.line === 2)!.userId).toBe(
      stored.find((row) => row.email === "nadia.roussel@annuaire.test")!.id,
    );
    const [created] = await database()
      .select({ after: auditEvents.after, actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.created"), eq(auditEvents.objectId, stored[2]!.id)));
    expect(created).toMatchObject({
      actorLabel: "admin@guichet.test",
      after: { email: "nadia.roussel@annuaire.test", role: "manager", establishments: ["0410718H"], source: "import" },
    });
    const audited = await auditCount(stored.map((row) => row.id));
    expect(audited).toBe(3);
    // Each created account is mailed one invitation to choose its password, from whoever imported it.
    const invited = await invitationsOf("annuaire.test");
    expect(invited.mails.map(({ to, subject }) => [to, subject])).toEqual(
      stored.map((row) => [row.email, "Votre compte Guichet est ouvert"]),
    );
    expect(invited.mails[0]!.text).toMatch(/Administratrice Guichet vous a ouvert un compte sur Guichet.*\/mot-de-passe\//s);
    expect(invited.links).toEqual(stored.map((row) => ({ email: row.email, purpose: "invitation" })));

    const again = await upload(admin, DIRECTORY, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.body.rejected.map((row) => row.line)).toEqual([6, 7]);
    expect(await accountsOf("annuaire.test")).toEqual(stored);
    expect(await auditCount(stored.map((row) => row.id))).toBe(audited);
    expect(await invitationsOf("annuaire.test")).toEqual(invited);

    // A later export where Marc also works at a third school and Inès became head: both updated, with one audit row each.
    const later = await upload(
      admin,
      "email;nom;prenom;uai;fonction\nmarc.lenoir@annuaire.test;Lenoir;Marc;0360003H;ENS\nines.petit@annuaire.test;Petit;Inès;0360002G;DIR\n",
      false,
    );
    expect(later.body).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const after = await accountsOf("annuaire.test");
    expect(after.find((row) => row.email === "marc.lenoir@annuaire.test")!.uais).toEqual(["0360002G", "0360003H", "0410718H"]);
    expect(after.find((row) => row.email === "ines.petit@annuaire.test")).toMatchObject({
      role: "manager",
      functionCode: "chef_etablissement",
    });
    expect(await auditCount(stored.map((row) => row.id))).toBe(audited + 2);
    // Updated accounts are not invited again.
    expect(await invitationsOf("annuaire.test")).toEqual(invited);
  });

  test("Windows-1252 with commas reads as well as UTF-8 with semicolons", async () => {
    const text = "Courriel,Nom,Prénom,RNE,Fonction\r\nhelene.berange@cp1252.test,Béranger,Hélène,0180009M,DIR\r\n";
    const bytes = Uint8Array.from(Buffer.from(text, "latin1"));
    const dry = await upload(admin, bytes, true);
    expect(dry.body).toMatchObject({ encoding: "windows-1252", delimiter: ",", created: 1, rejected: [] });
    expect((await upload(admin, bytes, false)).body.created).toBe(1);
    const [account] = await accountsOf("cp1252.test");
    expect(account).toMatchObject({ name: "Hélène Béranger", role: "manager", uais: ["0180009M"] });
    expect((await upload(admin, text, false)).body).toMatchObject({ encoding: "utf-8", created: 0, unchanged: 1 });
  });

  test("a head imports for their own school only, and may not change a person of another school", async () => {
    const file = [
      "email;nom;prenom;uai;fonction",
      "aline.morel@tete.test;Morel;Aline;0370037P;CSL",
      "bruno.vidal@tete.test;Vidal;Bruno;0450029M;ENS",
      "csl.palissy@guichet.test;Petit;Sophie;0370037P;CSL",
    ].join("\n");
    const answer = await upload(proviseur, file, false);
    expect(answer.status).toBe(200);
    expect(answer.body.rows.map((row) => [row.email, row.action])).toEqual([
      ["aline.morel@tete.test", "create"],
      ["bruno.vidal@tete.test", "reject"],
      ["csl.palissy@guichet.test", "reject"],
    ]);
    expect(answer.body.rejected[0]!.reasons).toEqual(["Vous ne gérez pas les comptes de l'établissement 0450029M."]);
    expect(answer.body.rejected[1]!.reasons.join()).toMatch(/appartient aussi à un établissement que vous ne gérez pas/);
    expect((await accountsOf("tete.test")).map((row) => [row.email, row.uais])).toEqual([["aline.morel@tete.test", ["0370037P"]]]);
  });

  test("the error report lists the refused rows as they were, with their line and reasons first", async () => {
    const caller = await callerFor("admin@guichet.test");
    const result = await importAccounts(caller, new TextEncoder().encode(DIRECTORY), { dryRun: true }, new Date(), SYSTEM_ACTOR);
    expect(result.ok).toBe(true);
    const report = result.ok ? result.value.errorReport! : "";
    expect(
      report
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "ligne;erreurs;E-mail;Nom;Prénom;UAI;Fonction;Téléphone",
      "6;UAI inconnu de Guichet : 0750001U.;sans.ecole@annuaire.test;Ecole;Sans;0750001U;ENS;",
      "7;E-mail invalide : « pas-une-adresse ».;pas-une-adresse;Faux;Mail;0410718H;ENS;",
    ]);
  });

  test("refusals: anonymous 401, school staff and technicians 403, a file without the required columns or no file 400", async () => {
    const before = (await database().select({ n: count() }).from(users))[0]!.n;
    const anonymous = await upload(null, DIRECTORY, false);
    expect(anonymous.status).toBe(401);
    const requester = await upload(csl, DIRECTORY, false);
    expect(requester.status).toBe(403);
    expect(requester.body.detail).toBe("L'import de comptes est réservé aux administrateurs et aux chefs d'établissement.");
    expect((await upload(tech, DIRECTORY, true)).status).toBe(403);
    const columns = await upload(admin, "nom;prenom\nA;B\n", true);
    expect(columns.status).toBe(400);
    expect(columns.body.detail).toBe("Colonnes obligatoires absentes : email, uai (en-têtes lus : nom, prenom).");
    expect((await upload(admin, "", true)).status).toBe(400);
    const noFile = await importUsers(
      new Request(`${API}/users/import`, { method: "POST", headers: { authorization: `Bearer ${admin}` } }),
      {} as never,
    );
    expect(noFile.status).toBe(400);
    const badFlag = await upload(admin, DIRECTORY, "peut-être" as unknown as boolean);
    expect(badFlag.status).toBe(400);
    expect((await database().select({ n: count() }).from(users))[0]!.n).toBe(before);
  });
});

test("the OpenAPI document describes the import", () => {
  const document = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(Object.keys(document.paths["/users/import"]!)).toEqual(["post"]);
  expect(Object.keys(document.paths["/users/import"]!.post!.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403"]));
});

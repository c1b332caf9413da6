import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as readArticleRoute, PATCH as patchArticle } from "@/app/api/v1/articles/[slug]/route";
import { GET as listArticles, POST as createArticle } from "@/app/api/v1/articles/route";
import { database } from "@/db/client";
import { articleDeflections, articles, articleVersions, auditEvents, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { readEstablishmentDashboard } from "@/lib/services/dashboards/establishment-dashboard";
import { readRegionalDashboard } from "@/lib/services/dashboards/regional-dashboard";
import { startArticleFromTicket } from "@/lib/services/knowledge/article-from-ticket";
import { articleFileForDownload, suggestArticles } from "@/lib/services/knowledge/read-articles";
import { updateArticle } from "@/lib/services/knowledge/save-article";
import { addComment } from "@/lib/services/tickets/add-comment";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { recordDeflection } from "@/lib/services/knowledge/record-deflection";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";
import { sampleFiles } from "../support/sample-files";

type Article = {
  slug: string;
  title: string;
  audience: string;
  state: string;
  html: string;
  body: string;
  version: number;
  services: Array<{ code: string }>;
  categories: Array<{ code: string }>;
  versions: Array<{ version: number; author: string | null; state: string }>;
} & ProblemBody;
type List = { items: Array<{ slug: string; title: string; audience: string; state: string }> } & ProblemBody;

let drop: () => Promise<void>;
let admin: string, serviceLead: string, technician: string, csl: string, head: string;
let choiseulCsl: Caller, palissyCsl: Caller;

const PRINTER = "imprimante-bloquee-que-faire";
const STAFF_ONLY = "relancer-le-serveur-d-impression-d-un-lycee";

const post = (token: string, body: unknown) => callRoute<Article>(createArticle, { path: "/articles", token, body });
const list = (token: string, query = "") => callRoute<List>(listArticles, { path: `/articles${query}`, token });
const read = (token: string, slug: string) =>
  callRoute<Article, { slug: string }>(readArticleRoute, { path: `/articles/${slug}`, token, params: { slug } });
const patch = (token: string, slug: string, body: unknown) =>
  callRoute<Article, { slug: string }>(patchArticle, { path: `/articles/${slug}`, token, method: "PATCH", body, params: { slug } });

const ARTICLE = {
  title: "Wi-Fi des salles : le réseau pédagogique est lent",
  body: "Redémarrez la borne **de la salle**.",
  audience: "schools",
  services: ["reseau"],
  categories: ["RES-WIFI"],
  keywords: ["borne", "anticoupure"],
};

beforeAll(async () => {
  drop = await useOwnDatabase("articles");
  [admin, serviceLead, technician, csl, head] = (await Promise.all(
    [
      "admin@guichet.test",
      "chef.service@guichet.test",
      "tech.ouest@guichet.test",
      "csl.choiseul@guichet.test",
      "proviseur.choiseul@guichet.test",
    ].map(tokenFor),
  )) as [string, string, string, string, string];
  [choiseulCsl, palissyCsl] = await Promise.all([callerFor("csl.choiseul@guichet.test"), callerFor("csl.palissy@guichet.test")]);
});
afterAll(() => drop());

describe("Markdown renders inert", () => {
  test("a <script>, an onerror and a javascript: link come back as text, never as markup", async () => {
    const created = await post(serviceLead, {
      ...ARTICLE,
      title: "Texte piégé",
      keywords: [],
      body: '<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[cliquez](javascript:alert(1)) et [image](data:text/html;base64,PHNjcmlwdD4=)\n\n[le catalogue](/catalogue)',
      state: "published",
    });
    expect(created.status).toBe(201);
    const { html } = (await read(csl, created.body.slug)).body;
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data/i);
    expect(html).not.toMatch(/<[^>]+\sonerror=/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="/catalogue">le catalogue</a>');
  });
});

describe("search", () => {
  test("'imprimante bloquee' finds 'Imprimante bloquée : que faire ?', first", async () => {
    const found = await list(csl, "?q=imprimante%20bloquee");
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ slug: PRINTER, title: "Imprimante bloquée : que faire ?" });
  });

  test("by keyword, by service and by category; accents and case ignored", async () => {
    expect((await list(csl, "?q=BOURRAGE")).body.items.map((item) => item.slug)).toContain(PRINTER);
    expect((await list(csl, "?q=papier%20coince")).body.items.map((item) => item.slug)).toContain(PRINTER);
    expect((await list(csl, "?category=impr-panne")).body.items.map((item) => item.slug)).toEqual([PRINTER]);
    const byService = (await list(csl, "?service=IMPRESSION")).body.items.map((item) => item.slug);
    expect(byService).toEqual(expect.arrayContaining([PRINTER, "conseils-impression"]));
    expect((await list(csl, "?q=introuvablexyz")).body.items).toEqual([]);
  });

  test("the reference seed loads each service's Conseils and Plus d'infos as a published article", async () => {
    const advice = await read(csl, "conseils-poste");
    expect(advice.status).toBe(200);
    expect(advice.body).toMatchObject({ state: "published", audience: "schools", services: [{ code: "POSTE" }] });
    expect(advice.body.html).toContain("<h2>Conseils</h2>");
    expect(advice.body.html).toContain("garanties 5 ans");
  });

  test("while filing, the title being typed suggests articles of the category, the last word as a prefix", async () => {
    const suggested = await suggestArticles(choiseulCsl, "IMPR-PANNE", "imprimante bloq");
    expect(suggested.map((article) => article.slug)).toEqual([PRINTER]);
    expect(await suggestArticles(choiseulCsl, "RES-WIFI", "imprimante bloq")).toEqual([]);
    expect(await suggestArticles(choiseulCsl, "IMPR-PANNE", "  ")).toEqual([]);
  });
});

describe("a staff-only article never reaches a school", () => {
  test("staff read it; school staff neither list it, nor read it (404), nor get it suggested", async () => {
    expect((await read(technician, STAFF_ONLY)).status).toBe(200);
    expect((await list(technician, "?q=spouleur")).body.items.map((item) => item.slug)).toEqual([STAFF_ONLY]);
    for (const token of [csl, head]) {
      expect((await read(token, STAFF_ONLY)).status).toBe(404);
      expect((await list(token, "?q=spouleur")).body.items).toEqual([]);
      expect((await list(token, "?service=IMPRESSION")).body.items.every((item) => item.audience === "schools")).toBe(true);
      expect((await patch(token, STAFF_ONLY, { title: "Autre titre" })).status).toBe(404);
    }
    const suggested = await suggestArticles(choiseulCsl, "IMPR-PANNE", "serveur impression spouleur");
    expect(suggested.map((article) => article.slug)).not.toContain(STAFF_ONLY);
  });
});

describe("writing, versions and states", () => {
  test("a technician writes a draft: version 1 with its author; schools do not see it; audited", async () => {
    const created = await post(technician, ARTICLE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: "wi-fi-des-salles-le-reseau-pedagogique-est-lent",
      state: "draft",
      version: 1,
      services: [{ code: "RESEAU" }],
      categories: [{ code: "RES-WIFI" }],
      versions: [{ version: 1, state: "draft", author: expect.any(String) }],
    });
    expect((await read(csl, created.body.slug)).status).toBe(404);
    expect((await list(csl, "?q=anticoupure")).body.items).toEqual([]);
    const [audit] = await database().select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "article.created"));
    expect(audit!.n).toBeGreaterThanOrEqual(2);
  });

  test("the same title gets its own slug", async () => {
    const again = await post(technician, ARTICLE);
    expect(again.body.slug).toBe("wi-fi-des-salles-le-reseau-pedagogique-est-lent-2");
  });

  test("the technician edits the draft (version 2) but cannot publish it; the service lead publishes (version 3); then schools read it", async () => {
    const slug = "wi-fi-des-salles-le-reseau-pedagogique-est-lent";
    const edited = await patch(technician, slug, { body: "Redémarrez la borne, puis patientez deux minutes." });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const refused = await patch(technician, slug, { state: "published" });
    expect(refused.status).toBe(403);
    const published = await patch(serviceLead, slug, { state: "published" });
    expect(published.status).toBe(200);
    expect(published.body.versions.map((version) => [version.version, version.state])).toEqual([
      [3, "published"],
      [2, "draft"],
      [1, "draft"],
    ]);
    expect((await read(csl, slug)).status).toBe(200);
    expect((await list(csl, "?q=anticoupure")).body.items.map((item) => item.slug)).toEqual([slug]);
    expect((await patch(technician, slug, { title: "Changement après publication" })).status).toBe(403);
    expect((await patch(admin, slug, { state: "draft" })).status).toBe(422);
    const archived = await patch(admin, slug, { state: "archived" });
    expect(archived.body.state).toBe("archived");
    expect((await read(csl, slug)).status).toBe(404);
    const versions = await database().select({ n: count() }).from(articleVersions);
    expect(versions[0]!.n).toBeGreaterThan(4);
  });
});

describe("API refusals", () => {
  test("school staff cannot write (403); a technician cannot publish (403); an invalid body is 400 problem+json", async () => {
    const bySchool = await post(csl, ARTICLE);
    expect(bySchool.status).toBe(403);
    expect(bySchool.headers.get("content-type")).toBe("application/problem+json");
    expect((await post(head, ARTICLE)).status).toBe(403);
    expect((await post(technician, { ...ARTICLE, state: "published" })).status).toBe(403);
    const invalid = await post(serviceLead, { title: "x", body: "", audience: "everyone" });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("content-type")).toBe("application/problem+json");
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(["audience", "body", "title"]);
    const unknown = await post(serviceLead, { ...ARTICLE, categories: ["NOPE"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: "categories", message: "Catégorie inconnue : NOPE." }]);
    expect((await patch(serviceLead, "article-inconnu", { title: "Nouveau titre" })).status).toBe(404);
    expect((await read(csl, "article-inconnu")).status).toBe(404);
  });
});

describe("deflections", () => {
  const deflections = async () => (await database().select({ n: count() }).from(articleDeflections))[0]!.n;

  test("'Cela a résolu mon problème' counts one deflection for the school, service, category and article", async () => {
    const before = await deflections();
    const done = await recordDeflection(
      choiseulCsl,
      { article: PRINTER, categoryCode: "IMPR-PANNE", establishmentUai: "0370037P" },
      new Date("2027-01-12T09:00:00Z"),
    );
    expect(done.ok).toBe(true);
    expect(await deflections()).toBe(before + 1);
  });

  test("the dashboards show it per service and per school, beside the tickets filed", async () => {
    const january = { kind: "custom", from: "2027-01-01", to: "2027-01-31" } as const;
    const now = new Date("2027-02-01T09:00:00Z");
    const school = await readEstablishmentDashboard(await callerFor("proviseur.choiseul@guichet.test"), "0370037P", january, now);
    expect(school.ok && school.value.byService).toEqual([
      { code: "IMPRESSION", name: expect.any(String), openedIncidents: 0, openedRequests: 0, resolved: 0, deflected: 1 },
    ]);
    const region = await readRegionalDashboard(await callerFor("chef.service@guichet.test"), null, january, now);
    expect(region.ok && region.value.deflections).toEqual({
      byService: [{ key: "IMPRESSION", label: expect.any(String), opened: 0, deflected: 1 }],
      byEstablishment: [{ key: "0370037P", label: "Lycée Choiseul", opened: 0, deflected: 1 }],
    });
    const december = { kind: "custom", from: "2026-12-01", to: "2026-12-31" } as const;
    const before = await readRegionalDashboard(await callerFor("chef.service@guichet.test"), null, december, now);
    expect(before.ok && before.value.deflections).toEqual({ byService: [], byEstablishment: [] });
  });

  test("not for another school, nor with a staff-only article", async () => {
    const before = await deflections();
    const otherSchool = await recordDeflection(
      palissyCsl,
      { article: PRINTER, categoryCode: "IMPR-PANNE", establishmentUai: "0370037P" },
      new Date(),
    );
    expect(otherSchool).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    const staffOnly = await recordDeflection(
      choiseulCsl,
      { article: STAFF_ONLY, categoryCode: "IMPR-PANNE", establishmentUai: "0370037P" },
      new Date(),
    );
    expect(staffOnly).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await deflections()).toBe(before);
  });
});

describe("Transformer en article", () => {
  test("a resolved ticket starts a draft from its question and public answer, names removed; an open one does not", async () => {
    const filed = await createTicket(
      choiseulCsl,
      {
        type: "incident",
        serviceCode: "IMPRESSION",
        categoryCode: "IMPR-PANNE",
        establishmentUai: "0370037P",
        title: "Imprimante du CDI bloquée",
        description: `L'imprimante du CDI du Lycée Choiseul affiche « bourrage ». ${choiseulCsl.name}`,
        impact: "individual",
        urgency: "medium",
        fields: {},
        ciIds: [],
      },
      [],
      new Date("2027-01-11T08:00:00Z"),
    );
    if (!filed.ok) throw new Error("not filed");
    const reference = filed.value.reference;
    const technicianCaller = await callerFor("tech.ouest@guichet.test");
    const actor = { userId: technicianCaller.id, label: technicianCaller.email, ip: null, requestId: null };
    const open = await startArticleFromTicket(technicianCaller, reference, actor, new Date());
    expect(open).toMatchObject({ ok: false, failure: { kind: "conflict" } });

    const answer = `Bonjour ${choiseulCsl.name}, ouvrez le capot arrière et retirez la feuille coincée.`;
    expect((await addComment(technicianCaller, reference, { body: answer, visibility: "public" }, [], new Date())).ok).toBe(true);
    expect(
      (
        await addComment(
          technicianCaller,
          reference,
          { body: "Note interne : toner neuf commandé", visibility: "internal" },
          [],
          new Date(),
        )
      ).ok,
    ).toBe(true);
    await database().update(tickets).set({ status: "resolved", resolvedAt: new Date() }).where(eq(tickets.reference, reference));

    expect(await startArticleFromTicket(choiseulCsl, reference, actor, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    const draft = await startArticleFromTicket(technicianCaller, reference, actor, new Date());
    if (!draft.ok) throw new Error("no draft");
    expect(draft.value).toMatchObject({
      title: "Imprimante du CDI bloquée",
      state: "draft",
      audience: "schools",
      services: [{ code: "IMPRESSION" }],
      categories: [{ code: "IMPR-PANNE" }],
    });
    expect(draft.value.body).toContain("ouvrez le capot arrière et retirez la feuille coincée");
    expect(draft.value.body).toContain("## Question");
    expect(draft.value.body).not.toContain("Lycée Choiseul");
    for (const word of choiseulCsl.name.split(" ")) expect(draft.value.body).not.toContain(word);
    expect(draft.value.body).not.toContain("toner neuf");
    const [source] = await database()
      .select({ ticketId: articles.sourceTicketId })
      .from(articles)
      .where(eq(articles.slug, draft.value.slug));
    expect(source!.ticketId).not.toBeNull();
  });
});

describe("images and files", () => {
  test("go through the attachment policy and reach only those who read the article", async () => {
    const lead = await callerFor("chef.service@guichet.test");
    const actor = { userId: lead.id, label: lead.email, ip: null, requestId: null };
    const refused = await updateArticle(lead, STAFF_ONLY, { keywords: ["spouleur"] }, actor, new Date(), [
      { name: "outil.exe", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00]) },
    ]);
    expect(refused).toMatchObject({ ok: false, failure: { kind: "invalid", errors: [{ field: "files" }] } });

    const saved = await updateArticle(lead, STAFF_ONLY, { keywords: ["spouleur"] }, actor, new Date(), [
      { name: "capture écran.png", bytes: sampleFiles.png() },
    ]);
    if (!saved.ok) throw new Error("not saved");
    expect(saved.value.files).toEqual([
      { id: expect.any(String), fileName: "capture écran.png", contentType: "image/png", sizeBytes: expect.any(Number) },
    ]);
    const fileId = saved.value.files[0]!.id;
    expect(await articleFileForDownload(await callerFor("tech.ouest@guichet.test"), STAFF_ONLY, fileId)).toMatchObject({
      contentType: "image/png",
    });
    expect(await articleFileForDownload(choiseulCsl, STAFF_ONLY, fileId)).toBeNull();
    expect(await articleFileForDownload(choiseulCsl, PRINTER, fileId)).toBeNull();
    const json = (await read(technician, STAFF_ONLY)).body as Article & { files: Array<{ url: string }> };
    expect(json.files.map((file) => file.url)).toEqual([`/api/v1/articles/${STAFF_ONLY}/files/${fileId}`]);
  });
});

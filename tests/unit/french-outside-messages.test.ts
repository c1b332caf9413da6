import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

/**
 * Every text a person reads comes from messages/<locale>/*.json, so the English interface is English
 * and a wording is changed in one place; services and schemas speak in message keys. This finds French
 * written in the code instead: string literals and JSX text holding an accented letter or a common
 * French word.
 *
 * Left out on purpose: the OpenAPI document (lib/api/openapi*.ts and the `.describe()` / `description:`
 * texts of the schemas), written in French for the integrators who read the API's reference, like the
 * problem+json answers the API gives in French; and the files of FRENCH_BY_NATURE.
 */
const ROOTS = ["app", "components", "lib"];
const DOCUMENTATION = /^lib\/api\/openapi[\w-]*\.ts$/;

/** French that is not interface text: data of the French catalogue, the operator's console, unused labels. */
const FRENCH_BY_NATURE = new Set([
  // The self-help advice of the service catalogue, by category code: content, like the catalogue's own
  // names and descriptions in db/seed/data/service-catalogue.json, not words of the interface.
  "lib/catalogue/self-help.ts",
  // Start-up errors about the configuration, for whoever installs Guichet, on the console.
  "lib/env.ts",
  "lib/check-env-at-start.ts",
  // The same for a mailbox's address (MAIL_IN_URL), and the default names of its folders, which are configuration.
  "lib/domain/mail-in-config.ts",
  // next-auth's names of the sign-in providers: only next-auth's own pages show them, and Guichet
  // replaces those by /connexion, worded from the signIn catalogue.
  "lib/auth/oidc-provider.ts",
  "lib/auth/options.ts",
]);

const ACCENTED = /[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒ]/;
const FRENCH_WORDS =
  /(^|[\s'’(«])(le|la|les|un|une|des|du|au|aux|et|ou|est|sont|pas|pour|avec|sans|dans|sur|votre|vos|vous|nous|aucun|aucune|ce|cette|ces|qui|que|quand|depuis|jusqu|par|ne|plus)(?=[\s'’),.:;!?»]|$)/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The code without its comments (a `//` inside a string, as in "https://", is kept). */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** The code without the OpenAPI document's descriptions (`.describe("…")`, `description: "…"`). */
const withoutDocumentation = (code: string) =>
  code.replace(/(\.describe\(\s*|\bdescription:\s*)("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)/g, '$1""');

/** String literals ('…', "…", the static parts of `…`) and JSX text between tags. */
function texts(source: string): string[] {
  const code = withoutDocumentation(withoutComments(source));
  const literals = [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((match) =>
    (match[1] ?? match[2] ?? match[3] ?? "").replace(/\$\{[^}]*\}/g, " ").replace(/\s+/g, " "),
  );
  const jsxText = [...code.matchAll(/>([^<>{}]*[\p{L}][^<>{}]*)</gu)].map((match) => match[1] ?? "");
  return [...literals, ...jsxText].map((text) => text.trim()).filter(Boolean);
}

const isFrench = (text: string) => ACCENTED.test(text) || (/\s/.test(text) && FRENCH_WORDS.test(text));

const frenchIn = (file: string) => texts(readFileSync(file, "utf8")).filter(isFrench);
const files = ROOTS.flatMap(sourceFiles).filter((file) => !DOCUMENTATION.test(file) && !FRENCH_BY_NATURE.has(file));

test("no French text in app/, components/ or lib/: it belongs in messages/", () => {
  expect(files).toContain(path.join("lib", "domain", "routing.ts")); // the scan reaches the domain, so an empty finding means something
  const found = files.flatMap((file) => frenchIn(file).map((text) => `${file}: « ${text.slice(0, 80)} »`));
  expect(found).toEqual([]);
});

test("the check finds French in literals and JSX text, and leaves code alone", () => {
  const found = (source: string) => texts(source).filter(isFrench);
  expect(found(`const title = "Catalogue des services";`)).toEqual(["Catalogue des services"]);
  expect(found(`return <p>Aucun résultat</p>;`)).toEqual(["Aucun résultat"]);
  expect(found("const a = `${n} à ${m} %`;")).toEqual(["à %"]);
  expect(found(`<div className="mt-2 flex gap-2" aria-label={t("words.title")}>{value}</div>`)).toEqual([]);
  expect(found(`// Le commentaire reste en dehors\nconst url = "https://exemple.fr/page";`)).toEqual([]);
  expect(found(`import { x } from "@/lib/domain/vocabulary";`)).toEqual([]);
  expect(found(`refuse({ kind: "conflict", message: "desk.errors.sameTicket" });`)).toEqual([]);
  expect(found(`const id = z.uuid().describe("Identifiant de l'équipement");`)).toEqual([]);
  expect(found(`const id = z.uuid("Identifiant d'équipement invalide.");`)).toEqual(["Identifiant d'équipement invalide."]);
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

/**
 * Every text a person reads comes from messages/<locale>/*.json, so the English interface is English
 * and a wording is changed in one place. This finds French written in the code instead: string
 * literals and JSX text holding an accented letter or a common French word.
 *
 * Scope: app/ and components/. lib/ is left out for now: lib/services and lib/schemas still return
 * about 265 French messages (refusals, validation errors), lib/domain holds French labels
 * (vocabulary, SLA alarm texts, filing notices) and lib/catalogue the self-help advice; a later step
 * of issue 12 turns them into message keys with parameters and then adds "lib" to ROOTS.
 */
const ROOTS = ["app", "components"];

/**
 * Files of app/ still holding French on the day this test was written, each moved by another part of
 * issue 12: page titles (metadata) by the shell work (titles from the catalogues), refusals written
 * in server actions by the form-wrapper work (errors as message keys), problem+json texts of the API
 * with lib/. A file leaves this list when its French is gone (the second test says when).
 */
const REMAINING = new Set([
  // Refusals written in server actions (the services' and schemas' French moves with them).
  "app/(app)/admin/calendriers/[team]/actions.ts", "app/(app)/admin/calendriers/actions.ts", "app/(app)/admin/courriels/actions.ts",
  "app/(app)/admin/equipes/actions.ts", "app/(app)/admin/etablissements/actions.ts", "app/(app)/admin/prestataires/actions.ts",
  "app/(app)/admin/routage/[id]/actions.ts", "app/(app)/admin/routage/actions.ts", "app/(app)/admin/utilisateurs/actions.ts",
  "app/(app)/bureau/actions.ts", "app/(app)/bureau/tickets/[reference]/actions.ts", "app/(app)/inventaire/actions.ts",
  "app/(app)/mon-compte/actions.ts", "app/(app)/mon-etablissement/actions.ts", "app/(app)/signaler/[category]/actions.ts",
  "app/(auth)/mot-de-passe/[token]/actions.ts", "app/(auth)/mot-de-passe-oublie/actions.ts", "app/evaluation/[token]/actions.ts",
  // problem+json texts of the API.
  "app/api/v1/tokens/route.ts",
]);

const ACCENTED = /[àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒ]/;
const FRENCH_WORDS = /(^|[\s'’(«])(le|la|les|un|une|des|du|au|aux|et|ou|est|sont|pas|pour|avec|sans|dans|sur|votre|vos|vous|nous|aucun|aucune|ce|cette|ces|qui|que|quand|depuis|jusqu|par|ne|plus)(?=[\s'’),.:;!?»]|$)/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The code without its comments (a `//` inside a string, as in "https://", is kept). */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");

/** String literals ('…', "…", the static parts of `…`) and JSX text between tags. */
function texts(source: string): string[] {
  const code = withoutComments(source);
  const literals = [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)]
    .map((match) => (match[1] ?? match[2] ?? match[3] ?? "").replace(/\$\{[^}]*\}/g, " ").replace(/\s+/g, " "));
  const jsxText = [...code.matchAll(/>([^<>{}]*[\p{L}][^<>{}]*)</gu)].map((match) => match[1] ?? "");
  return [...literals, ...jsxText].map((text) => text.trim()).filter(Boolean);
}

const isFrench = (text: string) => ACCENTED.test(text) || (/\s/.test(text) && FRENCH_WORDS.test(text));

const frenchIn = (file: string) => texts(readFileSync(file, "utf8")).filter(isFrench);
const files = ROOTS.flatMap(sourceFiles);

test("no French text in app/ or components/: it belongs in messages/", () => {
  const found = files.filter((file) => !REMAINING.has(file)).flatMap((file) => frenchIn(file).map((text) => `${file}: « ${text.slice(0, 80)} »`));
  expect(found).toEqual([]);
});

test("every file still listed as holding French does (else it leaves REMAINING)", () => {
  expect([...REMAINING].filter((file) => !files.includes(file) || frenchIn(file).length === 0)).toEqual([]);
});

test("the check finds French in literals and JSX text, and leaves code alone", () => {
  const found = (source: string) => texts(source).filter(isFrench);
  expect(found(`const title = "Catalogue des services";`)).toEqual(["Catalogue des services"]);
  expect(found(`return <p>Aucun résultat</p>;`)).toEqual(["Aucun résultat"]);
  expect(found("const a = `${n} à ${m} %`;")).toEqual(["à %"]);
  expect(found(`<div className="mt-2 flex gap-2" aria-label={t("words.title")}>{value}</div>`)).toEqual([]);
  expect(found(`// Le commentaire reste en dehors\nconst url = "https://exemple.fr/page";`)).toEqual([]);
  expect(found(`import { x } from "@/lib/domain/vocabulary";`)).toEqual([]);
});

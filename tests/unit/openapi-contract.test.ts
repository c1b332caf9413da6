import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const API_DIR = "app/api/v1";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/** The HTTP methods a route file exports, however it exports them (`export const GET =`, `export function POST`, `export { a as PATCH }`). */
function exportedMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const names = source.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement) && exported(statement))
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) return [statement.name.text];
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause))
      return statement.exportClause.elements.map((element) => element.name.text);
    return [];
  });
  return names.filter((name) => (METHODS as readonly string[]).includes(name));
}

/** app/api/v1/tickets/[reference]/comments/route.ts → /tickets/{reference}/comments */
function documentPath(file: string): string {
  const segments = path
    .relative(API_DIR, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

const routes = routeFiles(API_DIR)
  .flatMap((file) => exportedMethods(file).map((method) => `${method} ${documentPath(file)}`))
  .sort();

test("the route files are found and read (the contract below is not vacuous)", () => {
  expect(routes).toContain("GET /tickets/{reference}");
  expect(routes).toContain("PATCH /cis/{id}");
  expect(routes).toContain("POST /cis/import");
  expect(routes.length).toBeGreaterThanOrEqual(20);
});

test("every method of every route under app/api/v1 is in the OpenAPI document, and the document describes no other", () => {
  const paths = openApiDocument().paths ?? {};
  const documented = Object.entries(paths)
    .flatMap(([route, item]) =>
      METHODS.filter((method) => item?.[method.toLowerCase() as Lowercase<(typeof METHODS)[number]>]).map((method) => `${method} ${route}`),
    )
    .sort();
  expect(documented).toEqual(routes);
});

test("each documented operation states what it answers on success", () => {
  const paths = openApiDocument().paths ?? {};
  const withoutSuccess = Object.entries(paths).flatMap(([route, item]) =>
    METHODS.filter((method) => {
      const operation = item?.[method.toLowerCase() as Lowercase<(typeof METHODS)[number]>];
      return operation && !Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status));
    }).map((method) => `${method} ${route}`),
  );
  expect(withoutSuccess).toEqual([]);
});

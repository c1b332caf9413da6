import { expect, test } from "vitest";
import { controlCharacterPage } from "./control-character-page";

test("a clean query string lets the page through", () => {
  expect(controlCharacterPage(new URLSearchParams("q=poste%205&room=E12%20%C3%89lectronique"))).toBeNull();
});

test("a control character answers a French 400 page naming the parameter", async () => {
  const response = controlCharacterPage(new URLSearchParams("zone=OUEST&building=A%00"))!;
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  const html = await response.text();
  expect(html).toContain('<html lang="fr">');
  expect(html).toContain("<h1>Adresse invalide</h1>");
  expect(html).toContain("Le paramètre « building » de cette adresse contient un caractère de contrôle");
});

test("the parameter's name is shown as text, never as markup", async () => {
  const html = await controlCharacterPage(new URLSearchParams(`<script>alert(1)</script>=%00`))!.text();
  expect(html).not.toContain("<script>");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});

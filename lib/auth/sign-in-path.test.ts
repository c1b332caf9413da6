import { expect, test } from "vitest";
import { signInPath } from "./sign-in-path";

test.each([
  { requested: null, expired: false, path: "/connexion" },
  { requested: "/", expired: false, path: "/connexion" },
  { requested: "/demandes/GU-2026-000001", expired: false, path: "/connexion?callbackUrl=%2Fdemandes%2FGU-2026-000001" },
  { requested: "/bureau?file=a&b=c", expired: true, path: "/connexion?callbackUrl=%2Fbureau%3Ffile%3Da%26b%3Dc&session=expiree" },
  { requested: "/", expired: true, path: "/connexion?session=expiree" },
])("$requested, expired $expired → $path", ({ requested, expired, path }) => {
  expect(signInPath(requested, expired)).toBe(path);
});

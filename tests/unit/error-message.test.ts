import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ErrorMessage } from "@/components/shell/error-message";
import fr from "@/messages/fr/shell.json";

// The page shown for a server error (app/error.tsx, app/global-error.tsx), as French readers get it.
const render = (props: Parameters<typeof ErrorMessage>[0]) =>
  // The provider's props type requires `children` as a prop, so it is passed there rather than as an argument.
  renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, {
      locale: "fr",
      messages: { shell: fr },
      timeZone: "Europe/Paris",
      children: createElement(ErrorMessage, props),
    }),
  );

describe("the server error page", () => {
  test("says what happened in French, under its own title, with the digest to quote, a retry and a way home", () => {
    const html = render({ digest: "1234567890", retry: () => undefined });
    expect(html).toContain("<title>Erreur · Guichet</title>");
    expect(html).toContain('<h1 class="text-2xl font-semibold">Une erreur est survenue</h1>');
    expect(html).toContain("Code de l&#x27;erreur : 1234567890");
    expect(html).toContain(">Réessayer</button>");
    expect(html).toContain('href="/">Retour à l&#x27;accueil</a>');
    expect(html).not.toMatch(/Internal Server Error|shell\.error/);
  });

  test("offers no retry when the page cannot be rendered again, and no digest line without one", () => {
    const html = render({});
    expect(html).not.toContain("<button");
    expect(html).not.toContain("Code de l");
    expect(html).toContain("Retour à l&#x27;accueil");
  });
});

"use client";

import { NextIntlClientProvider } from "next-intl";
import { ErrorMessage } from "@/components/shell/error-message";
import shell from "@/messages/fr/shell.json";
import "./globals.css";

/**
 * An error in the root layout itself: it replaces the whole document, outside the layout's message provider,
 * so it carries the French catalogue of its own words (French first; the locale cookie is out of reach here).
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider locale="fr" messages={{ shell }} timeZone="Europe/Paris">
          <ErrorMessage digest={error.digest} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

type Props = { callbackUrl: string; initialError: string | null; ssoEnabled: boolean };

type Failure = { key: "invalid" | "unavailable" | "missing" } | { key: "rateLimited"; minutes: number };

function failureFromQuery(error: string | null): Failure | null {
  if (!error) return null;
  if (error === "RateLimited") return { key: "rateLimited", minutes: 15 };
  return { key: "invalid" };
}

/**
 * Posts to next-auth's credentials callback itself (as next-auth/react's signIn does)
 * so it can read the 429 and its Retry-After, and tell the user how long to wait.
 */
async function submitCredentials(email: string, password: string, callbackUrl: string): Promise<Failure | null> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" }),
  });
  if (response.status === 429) {
    return { key: "rateLimited", minutes: Math.max(1, Math.ceil(Number(response.headers.get("retry-after") ?? 900) / 60)) };
  }
  const { url } = (await response.json()) as { url?: string };
  if (!response.ok || !url || new URL(url, window.location.href).searchParams.has("error")) return { key: "invalid" };
  return null;
}

export function SignInForm({ callbackUrl, initialError, ssoEnabled }: Props) {
  const t = useTranslations("signIn");
  const [failure, setFailure] = useState<Failure | null>(failureFromQuery(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setFailure({ key: "missing" });
    setPending(true);
    try {
      const result = await submitCredentials(email, password, callbackUrl);
      if (!result) return window.location.assign(callbackUrl);
      setFailure(result);
    } catch {
      setFailure({ key: "unavailable" });
    }
    setPending(false);
  }

  const message = failure ? (failure.key === "rateLimited" ? t("rateLimited", { minutes: failure.minutes }) : t(failure.key)) : null;

  return (
    <div className="mt-6 space-y-4">
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        {message && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {message}
          </p>
        )}
        <div>
          <label htmlFor="email" className="block text-sm font-medium">
            {t("email")}
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            {t("password")}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {ssoEnabled && (
        <>
          <p className="text-center text-sm text-slate-500">{t("or")}</p>
          <button
            type="button"
            onClick={() => signIn("oidc", { callbackUrl })}
            className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
          >
            {t("sso")}
          </button>
        </>
      )}
    </div>
  );
}

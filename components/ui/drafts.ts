"use client";

import type { FormValues } from "@/lib/schemas/form-state";

/**
 * What a form keeps in the tab (sessionStorage) until it is sent. Typing saves a draft; a submit moves
 * it aside as "sent". The server's answer then decides: a refusal puts it back, a success drops it.
 * A submit that leaves the page drops it too (a success that redirects), unless the page it lands on is
 * the sign-in page of an expired session, which puts it back for the form to fill in again.
 */
const DRAFT = "guichet:draft:";
const SENT = "guichet:sent:";

export function saveDraft(key: string, values: FormValues) {
  sessionStorage.setItem(DRAFT + key, JSON.stringify(values));
}

/** The draft to fill the form with, dropping one sent and never answered (its success left the page). */
export function takeDraft(key: string): FormValues | null {
  sessionStorage.removeItem(SENT + key);
  const saved = sessionStorage.getItem(DRAFT + key);
  return saved ? (JSON.parse(saved) as FormValues) : null;
}

export function markSent(key: string) {
  const saved = sessionStorage.getItem(DRAFT + key);
  sessionStorage.removeItem(DRAFT + key);
  if (saved) sessionStorage.setItem(SENT + key, saved);
}

export function settleDraft(key: string, accepted: boolean) {
  const sent = sessionStorage.getItem(SENT + key);
  sessionStorage.removeItem(SENT + key);
  if (accepted) sessionStorage.removeItem(DRAFT + key);
  else if (sent && !sessionStorage.getItem(DRAFT + key)) sessionStorage.setItem(DRAFT + key, sent);
}

/** On the sign-in page after an expired session: every form sent meanwhile gets its draft back. */
export function restoreSentDrafts() {
  for (const key of Object.keys(sessionStorage).filter((name) => name.startsWith(SENT))) {
    const sent = sessionStorage.getItem(key);
    if (sent) sessionStorage.setItem(DRAFT + key.slice(SENT.length), sent);
    sessionStorage.removeItem(key);
  }
}

"use client";

import { useEffect } from "react";
import { restoreSentDrafts } from "@/components/ui/drafts";

/** Rendered by the sign-in page after an expired session: the forms sent meanwhile will be filled in again. */
export function KeepDrafts() {
  useEffect(restoreSentDrafts, []);
  return null;
}

"use client";

import { useEffect } from "react";

/**
 * Sets the tab's title once the page is shown, for a page that replaces another whose metadata already named the tab
 * (a 404 thrown by a page keeps that page's metadata title otherwise).
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

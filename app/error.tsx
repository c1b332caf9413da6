"use client";

import { ErrorMessage } from "@/components/shell/error-message";

/** A server or rendering error below the root layout, in the reader's language, with a retry and a way home. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage digest={error.digest} retry={reset} />;
}

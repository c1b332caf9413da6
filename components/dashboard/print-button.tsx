"use client";

/** The browser's print dialog: paper, or PDF through "Save as PDF". */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white print:hidden"
    >
      {label}
    </button>
  );
}

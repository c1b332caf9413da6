/**
 * "How is this computed": a small ⓘ that shows a French sentence on hover, on keyboard focus and on a
 * tap (phones focus the button); screen readers get the sentence as the button's description.
 */
export function InfoTip({ label, text }: { label: string; text: string }) {
  return (
    <span className="group relative inline-block align-middle">
      <button
        type="button"
        aria-label={label}
        title={text}
        className="ml-1 inline-flex h-5 w-5 items-center justify-center rounded-full border border-slate-300 text-xs text-slate-600 print:hidden"
      >
        <span aria-hidden="true">i</span>
        <span className="sr-only">{text}</span>
      </button>
      <span
        role="tooltip"
        className="pointer-events-none absolute left-1/2 top-6 z-20 hidden w-64 max-w-[80vw] -translate-x-1/2 rounded-md bg-slate-900 p-2 text-xs font-normal text-white shadow-lg group-focus-within:block group-hover:block"
      >
        {text}
      </span>
    </span>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useId, useState } from "react";

type Props = {
  /** The button's words while folded, and once unfolded. */
  label: string;
  closeLabel: string;
  /** A menu's three bars (and a cross once open) before the words. */
  menuIcon?: boolean;
  buttonClassName?: string;
  panelClassName?: string;
  children: React.ReactNode;
};

/**
 * Below the md breakpoint its content is folded behind a button (aria-expanded) and folds again on the next page;
 * from md up the button is gone and the content always shows. So a phone's first screen holds what matters, the
 * header's menu or the desk's filters one tap away.
 */
export function Fold({ label, closeLabel, menuIcon = false, buttonClassName = "", panelClassName = "", children }: Props) {
  const panelId = useId();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={`inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 md:hidden ${buttonClassName}`}
      >
        {menuIcon && (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            {open ? (
              <path d="M5.3 4 10 8.6 14.7 4l1.3 1.3-4.7 4.7 4.7 4.7-1.3 1.3-4.7-4.7L5.3 16 4 14.7 8.6 10 4 5.3z" />
            ) : (
              <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
            )}
          </svg>
        )}
        {open ? closeLabel : label}
        {!menuIcon && <span aria-hidden="true">{open ? "▴" : "▾"}</span>}
      </button>
      <div id={panelId} className={`${open ? "" : "max-md:hidden"} ${panelClassName}`}>
        {children}
      </div>
    </>
  );
}

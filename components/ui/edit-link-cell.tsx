import Link from "next/link";

/** The last cell of a list's row: the link to the record's own page, named for screen readers. */
export function EditLinkCell({ href, label, text }: { href: string; label: string; text: string }) {
  return (
    <td className="px-3 py-2">
      <Link href={href} aria-label={label} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
        {text}
      </Link>
    </td>
  );
}

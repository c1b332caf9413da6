import Link from "next/link";

type Props = { nextHref: string | null; firstHref: string | null; nextLabel: string; firstLabel: string };

/** Keyset pagination controls: back to the first page, or on to the next one. */
export function Pager({ nextHref, firstHref, nextLabel, firstLabel }: Props) {
  return (
    <nav className="mt-4 flex justify-between text-sm" aria-label="Pagination">
      {firstHref ? (
        <Link className="text-brand-700 underline" href={firstHref}>
          {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link className="text-brand-700 underline" href={nextHref} rel="next">
          {nextLabel}
        </Link>
      )}
    </nav>
  );
}

import Link from "next/link";

type Props = {
  id: string;
  title: string;
  /** The full list or page behind the section. */
  more?: { href: string; label: string };
  /** Said instead of the content when there is nothing to show. */
  empty?: string | false;
  className?: string;
  children?: React.ReactNode;
};

/** One block of a home: its heading, a link to the whole of it, then its content or a line saying there is none. */
export function HomeSection({ id, title, more, empty, className = "", children }: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {more && (
          <Link href={more.href} className="text-sm text-brand-700 underline">
            {more.label}
          </Link>
        )}
      </div>
      {empty ? <p className="mt-1 text-slate-600">{empty}</p> : children}
    </section>
  );
}

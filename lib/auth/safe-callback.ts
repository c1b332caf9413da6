/**
 * Where to go after signing in: only a path of this site. Resolving against the site's own URL
 * catches what a prefix test misses ("/\\evil.example", tabs, "//host"): browsers read those as other hosts.
 */
export function safeCallbackPath(value: string | undefined, appUrl: string): string {
  if (!value) return "/";
  try {
    const site = new URL(appUrl);
    const target = new URL(value, site);
    return target.origin === site.origin ? `${target.pathname}${target.search}${target.hash}` : "/";
  } catch {
    return "/";
  }
}

/** How long a one-time link to choose a password works: an invitation 72 hours, a reset 1 hour. */
export const PASSWORD_LINK_LIFETIME_HOURS = { invitation: 72, reset: 1 } as const;
export type PasswordLinkPurpose = keyof typeof PASSWORD_LINK_LIFETIME_HOURS;

export function passwordLinkExpiry(purpose: PasswordLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + PASSWORD_LINK_LIFETIME_HOURS[purpose] * 60 * 60 * 1000);
}

/** A link works once, before it expires, and only for an account still open. */
export function passwordLinkUsable(link: { expiresAt: Date; usedAt: Date | null; accountDisabled: boolean }, now: Date): boolean {
  return link.usedAt === null && !link.accountDisabled && link.expiresAt.getTime() > now.getTime();
}

/**
 * "Mot de passe oublié ?" requests allowed per hour: per address typed (so nobody floods a mailbox) and
 * per client address (so nobody sprays the form). Counted whether or not the address has an account, so
 * the limit says nothing about who exists.
 */
export const RESET_REQUEST_LIMITS = { email: 3, ip: 20 } as const;
export const RESET_REQUEST_WINDOW_SECONDS = 60 * 60;

export function resetRequestAllowed(counts: { email: number; ip: number }): boolean {
  return counts.email <= RESET_REQUEST_LIMITS.email && counts.ip <= RESET_REQUEST_LIMITS.ip;
}

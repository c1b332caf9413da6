import { createSignedToken, verifySignedToken } from "../signed-token";

/**
 * The approval e-mail's link: one approver, one level of one ticket. It works without signing in until the level
 * is decided (then it is spent: the level is no longer pending) or for this long, beyond the 10 working days after
 * which an unanswered ticket is given up.
 */
export const APPROVAL_LINK_LIFETIME_DAYS = 16;

const PURPOSE = "approval-link";

export type ApprovalLinkTarget = { ticketId: string; level: number; approverId: string };

export function createApprovalToken(target: ApprovalLinkTarget, now: Date, secret: string): string {
  return createSignedToken(
    PURPOSE,
    [target.ticketId, String(target.level), target.approverId],
    new Date(now.getTime() + APPROVAL_LINK_LIFETIME_DAYS * 86_400_000),
    secret,
  );
}

export type ApprovalTokenCheck = ({ valid: true } & ApprovalLinkTarget) | { valid: false; reason: "malformed" | "expired" };

export function verifyApprovalToken(token: string, now: Date, secret: string): ApprovalTokenCheck {
  const check = verifySignedToken(PURPOSE, token, 3, now, secret);
  if (!check.valid) return check;
  const [ticketId, level, approverId] = check.parts as [string, string, string];
  if (!/^\d+$/.test(level)) return { valid: false, reason: "malformed" };
  return { valid: true, ticketId, level: Number(level), approverId };
}

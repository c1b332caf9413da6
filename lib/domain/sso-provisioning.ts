import type { Role } from "./vocabulary";
import { normalizeUai, uaiProblem } from "./uai";

/**
 * Single sign-on that opens accounts: what an identity provider's claims say about a person (e-mail, name,
 * schools by UAI, function), read through the configured claim names, and what Guichet does with it at
 * each sign-in. Pure: the service hands it the claims, the schools Guichet knows and the stored account.
 */

/** The roles single sign-on may give: school staff only (Région, Académie and vendor staff are made by an administrator). */
export type SsoRole = Extract<Role, "requester" | "manager">;
export type SsoFunction = { role: SsoRole; functionCode: string | null };

export type SsoClaimMapping = {
  email: string;
  name: string;
  uai: string;
  function: string;
  /** Function values (e.g. a directory's `DIR`) → Guichet role and function code; any other value gives a requester. */
  functionMap: Readonly<Record<string, SsoFunction>>;
};

export const DEFAULT_SSO_FUNCTION: SsoFunction = { role: "requester", functionCode: null };

/** A claim's values: a string (several separated by commas, semicolons or spaces) or an array of them; anything else is none. */
function claimValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((item) => (typeof item === "string" || typeof item === "number" ? String(item).split(/[\s,;]+/) : []))
    .filter(Boolean);
}

/** The well-formed UAIs a set of claims names (normalised, check letter verified), whether Guichet knows them or not. */
export function claimedUais(claims: Readonly<Record<string, unknown>>, mapping: Pick<SsoClaimMapping, "uai">): string[] {
  return [
    ...new Set(
      claimValues(claims[mapping.uai])
        .map(normalizeUai)
        .filter((uai) => uaiProblem(uai) === null),
    ),
  ];
}

export type SsoIdentity = {
  subject: string;
  email: string | null;
  name: string;
  /** Whether the claims carry the UAI claim at all (an IdP that sends none leaves schools to Guichet). */
  uaiClaimed: boolean;
  /** The schools Guichet knows among those claimed, sorted; unknown and malformed UAIs are dropped. */
  uais: string[];
  function: SsoFunction;
};

const ROLE_RANK: Record<SsoRole, number> = { requester: 0, manager: 1 };

/** Reads the claims through the mapping. Among several function values the one giving the higher role wins (a head who also teaches is a head). */
export function ssoIdentity(
  claims: Readonly<Record<string, unknown>>,
  mapping: SsoClaimMapping,
  knownUais: ReadonlySet<string>,
): SsoIdentity {
  const email = claimValues(claims[mapping.email])[0]?.toLowerCase() ?? null;
  const rawName = claims[mapping.name];
  const composed = [claims.given_name, claims.family_name]
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .join(" ");
  const name = (typeof rawName === "string" && rawName.trim()) || composed || email || "";
  const functions = claimValues(claims[mapping.function])
    .map((value) => mapping.functionMap[value])
    .filter((mapped): mapped is SsoFunction => Boolean(mapped));
  const best = functions.reduce<SsoFunction | null>(
    (current, next) => (!current || ROLE_RANK[next.role] > ROLE_RANK[current.role] ? next : current),
    null,
  );
  return {
    subject: String(claims.sub ?? ""),
    email,
    name: name.trim(),
    uaiClaimed: claims[mapping.uai] !== undefined && claims[mapping.uai] !== null,
    uais: claimedUais(claims, mapping)
      .filter((uai) => knownUais.has(uai))
      .sort(),
    function: best ?? DEFAULT_SSO_FUNCTION,
  };
}

/** The stored account the identity's e-mail designates. */
export type SsoAccount = { id: string; role: Role; disabled: boolean; uais: readonly string[] };

export type SsoRefusal = "adresse-manquante" | "etablissement-inconnu" | "compte-desactive";

export type SsoDecision =
  | { kind: "refuse"; reason: SsoRefusal }
  | { kind: "create"; uais: string[]; function: SsoFunction }
  /** An existing account: its schools become the claimed ones (added and removed say what changes; both empty when nothing does). */
  | { kind: "sign_in"; added: string[]; removed: string[] };

/**
 * What a sign-in does. A disabled account stays closed whatever the IdP says. A new identity is opened only
 * with a school Guichet knows (role and function from the function table). A requester or head is moved to
 * the schools the claims name (someone who changed school loses the old one); when the claims name no school
 * Guichet knows, the sign-in is refused. Other roles (technicians, Région staff…) keep what Guichet gave them,
 * as does everyone when the IdP sends no UAI claim. Role and function are set at the opening only: after it,
 * a head or an administrator decides them.
 */
export function ssoDecision(identity: SsoIdentity, account: SsoAccount | null): SsoDecision {
  if (account?.disabled) return { kind: "refuse", reason: "compte-desactive" };
  if (!account) {
    if (!identity.email) return { kind: "refuse", reason: "adresse-manquante" };
    if (!identity.uais.length) return { kind: "refuse", reason: "etablissement-inconnu" };
    return { kind: "create", uais: identity.uais, function: identity.function };
  }
  const schoolStaff = account.role === "requester" || account.role === "manager";
  if (!schoolStaff || !identity.uaiClaimed) return { kind: "sign_in", added: [], removed: [] };
  if (!identity.uais.length) return { kind: "refuse", reason: "etablissement-inconnu" };
  return {
    kind: "sign_in",
    added: identity.uais.filter((uai) => !account.uais.includes(uai)),
    removed: account.uais.filter((uai) => !identity.uais.includes(uai)).sort(),
  };
}

import type { OAuthConfig } from "next-auth/providers/oauth";

type OidcProfile = { sub: string; name?: string; given_name?: string; family_name?: string } & Record<string, unknown>;

/**
 * A generic OpenID Connect provider for the academy's or the ENT's single sign-on,
 * built from OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (discovery document). The claims come from the
 * signed ID token; signIn (options.ts) maps them to an account.
 */
export function oidcProvider(config: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  emailClaim: string;
}): OAuthConfig<OidcProfile> {
  const issuer = config.issuer.replace(/\/+$/, "");
  return {
    id: "oidc",
    name: "ENT / Académie",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => {
      const email = profile[config.emailClaim];
      return {
        id: profile.sub,
        email: typeof email === "string" ? email.toLowerCase() : null,
        name: profile.name ?? [profile.given_name, profile.family_name].filter(Boolean).join(" "),
      };
    },
  };
}

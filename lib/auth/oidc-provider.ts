import type { OAuthConfig } from "next-auth/providers/oauth";

type OidcProfile = { sub: string; email?: string; name?: string; given_name?: string; family_name?: string };

/**
 * A generic OpenID Connect provider for the academy's or the ENT's single sign-on,
 * built from OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (discovery document).
 */
export function oidcProvider(config: { issuer: string; clientId: string; clientSecret: string }): OAuthConfig<OidcProfile> {
  const issuer = config.issuer.replace(/\/+$/, "");
  return {
    id: "oidc",
    name: "ENT / Académie",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email?.toLowerCase() ?? null,
      name: profile.name ?? [profile.given_name, profile.family_name].filter(Boolean).join(" "),
    }),
  };
}

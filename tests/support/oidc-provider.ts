import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { freePort } from "./app-server";

/**
 * A real OpenID Connect provider on a loopback port, for the single sign-on tests: discovery, the
 * authorization code flow with PKCE (required), ID tokens signed with a key of its own, carrying the
 * accounts' claims (e-mail, name, UAI, function). Its login page is a one-field form (the account's
 * subject) that a browser test fills; consent is implied for the one client. Tests set and change accounts
 * over HTTP (setOidcAccount in oidc-accounts.ts), since they run in other processes.
 */
export type TestOidcProvider = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "guichet-e2e";
  const clientSecret = randomBytes(24).toString("hex");
  const accounts = new Map<string, Record<string, unknown>>();
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "e2e", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "given_name", "family_name", "uai", "fonction"] },
    // Every granted claim in the ID token, which is where the app reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
    // The one client is first-party: its grant covers what it asks, without a consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });
  const oidc = provider.callback();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", issuer);
      const account = /^\/test\/accounts\/([^/]+)$/.exec(url.pathname);
      if (account && request.method === "PUT") {
        accounts.set(decodeURIComponent(account[1]!), JSON.parse(await readBody(request)) as Record<string, unknown>);
        response.writeHead(204).end();
        return;
      }
      if (url.pathname.startsWith("/interaction/")) {
        const details = await provider.interactionDetails(request, response);
        if (request.method === "POST") {
          const login = new URLSearchParams(await readBody(request)).get("login") ?? "";
          const result = accounts.has(login)
            ? { login: { accountId: login } }
            : { error: "access_denied", error_description: "unknown account" };
          await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
          return;
        }
        response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            `<!doctype html><title>IdP de test</title><form method="post" action="/interaction/${escapeHtml(details.uid)}">` +
              `<label>Identifiant <input name="login" autofocus></label><button type="submit">Se connecter</button></form>`,
          );
        return;
      }
      oidc(request, response);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

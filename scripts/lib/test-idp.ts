/**
 * The test identity provider: a real OpenID Connect provider (the `oidc-provider` package) on
 * loopback, for the demo (`npm start`) and the tests. It stands in for an agency's
 * e-identification (SITHS through Inera's IdP, Freja OrgID, Efos): its own signing key, the
 * authorization code flow with PKCE, `acr` at the level chosen on its sign-in page, and
 * RP-initiated logout. Its pages say plainly that it is a test IdP; no real identity is checked:
 * whoever opens it picks an account, which is what a test needs and why it only runs on loopback.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";

/** The assurance levels of the Swedish framework (Digg's tillitsramverk), as `acr` values. */
export const LOA = {
  2: "http://id.elegnamnden.se/loa/1.0/loa2",
  3: "http://id.elegnamnden.se/loa/1.0/loa3",
} as const;

/** The claim carrying the HSA-id in the test IdP's ID tokens, as Inera's IdP names it. */
export const HSA_ID_CLAIM = "employeeHsaId";

export type TestIdpAccount = {
  /** The IdP's subject (`sub`). */
  subject: string;
  name: string;
  /** Which agency's IdP this account stands for (shown on the sign-in page only). */
  organisation: string;
  hsaId?: string;
};

export type TestIdpClient = {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
} & ({ secret: string; publicJwk?: undefined } | { secret?: undefined; publicJwk: JsonWebKey & { kid: string } });

export type TestIdp = { issuer: string; stop: () => Promise<void> };

function html(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}
.banner{background:#7c2d12;color:#fff;padding:.75rem 1rem;font-weight:600}
main{max-width:32rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}select,button{font-size:1rem;padding:.6rem;width:100%}
button{margin-top:1.25rem;background:#1d4ed8;color:#fff;border:0;border-radius:.375rem;min-height:44px}
</style></head><body><div class="banner" role="note">TEST-IdP – ingen riktig e-legitimation. Endast för demo och tester.</div>
<main>${body}</main></body></html>`;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Starts the provider on 127.0.0.1 (`port` 0: any free port) and resolves once it listens. */
export async function startTestIdp({
  port = 0,
  accounts,
  clients,
}: {
  port?: number;
  accounts: TestIdpAccount[];
  clients: TestIdpClient[];
}): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bySubject = new Map(accounts.map((a) => [a.subject, a]));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  const clientMetadata: ClientMetadata[] = clients.map((c) => ({
    client_id: c.clientId,
    redirect_uris: c.redirectUris,
    post_logout_redirect_uris: c.postLogoutRedirectUris,
    response_types: ["code"],
    grant_types: ["authorization_code"],
    ...(c.secret !== undefined
      ? { client_secret: c.secret, token_endpoint_auth_method: "client_secret_basic" }
      : { token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [c.publicJwk] } }),
  }));

  const provider = new Provider(issuer, {
    clients: clientMetadata,
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-idp", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // The claims go into the ID token itself (signed, for this client only): the client reads no userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], profile: ["name", HSA_ID_CLAIM] },
    acrValues: [LOA[2], LOA[3]],
    // Lifetimes of the provider's artefacts: a sign-in's minutes and a working day's session.
    ttl: {
      Interaction: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    // Every client, confidential ones included, must use PKCE (issue 14).
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const account = bySubject.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: account.name, ...(account.hsaId ? { [HSA_ID_CLAIM]: account.hsaId } : {}) }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The clients are Samverkan's own: no consent page; each sign-in is granted what it asked for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid profile");
      grant.addOIDCClaims(["sub", "name", HSA_ID_CLAIM]);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // Samverkan's sign-out has already been asked for: the page confirms it by itself.
        logoutSource: (ctx, form) => {
          ctx.body = html(
            "Loggar ut från test-IdP",
            `<h1>Loggar ut från test-IdP …</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button>
<script>document.getElementById("op.logoutForm").insertAdjacentHTML("beforeend",'<input type="hidden" name="logout" value="yes">');document.getElementById("op.logoutForm").submit()</script>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = html("Utloggad", "<h1>Du är utloggad från test-IdP.</h1>");
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = html(
        "Fel",
        `<h1>Test-IdP: ${escape(String(out.error))}</h1><p>${escape(String(out.error_description ?? ""))}</p>`,
      );
    },
  });
  // The provider warns about Node 20 and its in-memory store: both are what a loopback test IdP needs.
  provider.on("server_error", (_ctx, error) => console.error("test-IdP:", error));
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (req.method === "POST" && action === "login") {
      const form = await readForm(req);
      const subject = form.get("account") ?? "";
      const acr = form.get("acr") === LOA[2] ? LOA[2] : LOA[3];
      if (!bySubject.has(subject)) {
        res.writeHead(400).end("unknown account");
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: subject, acr, amr: ["smartcard"] } });
      return;
    }
    const options = accounts
      .map((a) => `<option value="${escape(a.subject)}">${escape(a.name)} – ${escape(a.organisation)}</option>`)
      .join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      html(
        "Test-IdP – logga in",
        `<h1>Logga in (test-IdP)</h1>
<p>Välj vem du loggar in som. En riktig IdP kontrollerar e-legitimationen här.</p>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="account">Konto</label><select id="account" name="account">${options}</select>
<label for="acr">Tillitsnivå</label><select id="acr" name="acr"><option value="${LOA[3]}">Tillitsnivå 3 (t.ex. SITHS-kort)</option><option value="${LOA[2]}">Tillitsnivå 2</option></select>
<button type="submit">Logga in</button></form>`,
      ),
    );
  }

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([^/?]+)(?:\/([a-z]+))?/.exec(req.url ?? "");
    if (!match) {
      callback(req, res);
      return;
    }
    interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end(`test-IdP: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

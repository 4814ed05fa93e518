// The hub's users as the service's identities: a request carries a hub token (the
// Authorization header, or the session cookie of an OAuth login); the hub says whose it is,
// which groups they are in and which scopes the token has. Roles come from the groups.
import type { IncomingMessage } from "node:http";
import type { Identity, IdentityProvider } from "../http/identity.js";
import { userForToken, type HubUser } from "./hub-api.js";
import type { HubSettings } from "./hub-settings.js";
import { cookieOf, SESSION_COOKIE, type Sessions } from "./sessions.js";

/** How long the hub's answer for a token is reused: a revoked token stops working within it. */
const CACHE_MS = 30_000;

/**
 * The identity provider of the hub service. A request is refused (undefined → 401) when it
 * has no token, the hub does not know the token, the token lacks the service's access scope,
 * or it belongs to a service rather than a user. A cookie-authenticated request that changes
 * something must come from the same site (`Sec-Fetch-Site`), so another site cannot make a
 * signed-in browser publish, submit or grade.
 */
export function hubIdentity(hub: HubSettings, sessions: Sessions): IdentityProvider {
  const cache = new Map<string, { identity: Identity | undefined; expires: number }>();
  return async (request: IncomingMessage) => {
    const fromHeader = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    let token = fromHeader;
    if (!token) {
      const session = cookieOf(request, SESSION_COOKIE);
      token = session ? sessions.tokenOf(session) : undefined;
      const changes = request.method !== "GET" && request.method !== "HEAD";
      const site = request.headers["sec-fetch-site"];
      if (token && changes && site !== undefined && site !== "same-origin") return undefined;
    }
    if (!token) return undefined;
    const cached = cache.get(token);
    if (cached && cached.expires > Date.now()) return cached.identity;
    const identity = toIdentity(hub, await userForToken(hub, token), token);
    if (cache.size > 10_000) cache.clear();
    cache.set(token, { identity, expires: Date.now() + CACHE_MS });
    return identity;
  };
}

function toIdentity(hub: HubSettings, user: HubUser | undefined, token: string): Identity | undefined {
  if (!user || user.kind !== "user") return undefined;
  const service = hub.accessScopes;
  // `access:services` (all services) covers `access:services!service=pmxlab`.
  const allowed = user.scopes.some((s) => s === "access:services" || service.includes(s));
  if (!allowed) return undefined;
  return { user: user.name, instructor: (user.groups ?? []).includes(hub.instructorGroup), token };
}

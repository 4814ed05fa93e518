// The browser's way in: hub OAuth. A page visited without a session is sent to the hub's
// authorize endpoint (the service is configured with oauth_no_confirm, so a logged-in user
// comes straight back); the callback exchanges the code for the user's token and opens a
// session. The `state` ties the callback to the browser that started the login.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tokenForCode } from "./hub-api.js";
import type { HubSettings } from "./hub-settings.js";
import { cookieOf, SESSION_COOKIE, SESSION_SECONDS, type Sessions } from "./sessions.js";

const STATE_COOKIE = "pmxlab-oauth-state";

/** The OAuth routes and the redirect for unauthenticated page visits. */
export function hubOAuth(hub: HubSettings, sessions: Sessions) {
  const pending = new Map<string, { next: string; expires: number }>();
  const cookie = (name: string, value: string, maxAge: number) => `${name}=${encodeURIComponent(value)}; Path=${hub.prefix}; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;

  /** Sends the browser to the hub to log in, coming back to `next` (a path of this service). */
  function login(response: ServerResponse, next: string): void {
    if (pending.size > 10_000) pending.clear();
    const state = randomBytes(18).toString("base64url");
    pending.set(state, { next: next.startsWith(hub.prefix) ? next : hub.prefix, expires: Date.now() + 600_000 });
    const url = `${hub.authorizeUrl}?${new URLSearchParams({ client_id: hub.clientId, redirect_uri: hub.callbackUrl, response_type: "code", state })}`;
    response.writeHead(302, { location: url, "set-cookie": cookie(STATE_COOKIE, state, 600) });
    response.end();
  }

  return {
    /** Handles `oauth_login` and `oauth_callback`; true when it answered. */
    async route(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<boolean> {
      if (request.method !== "GET") return false;
      if (path === "/oauth_login") {
        login(response, query.get("next") ?? hub.prefix);
        return true;
      }
      if (path !== "/oauth_callback") return false;
      const state = query.get("state") ?? "";
      const entry = pending.get(state);
      pending.delete(state);
      if (!entry || entry.expires < Date.now() || cookieOf(request, STATE_COOKIE) !== state) {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
        response.end("This login link is stale or was started in another browser; open the page again.");
        return true;
      }
      const token = await tokenForCode(hub, query.get("code") ?? "");
      response.writeHead(302, { location: entry.next, "set-cookie": [cookie(SESSION_COOKIE, sessions.open(token), SESSION_SECONDS), cookie(STATE_COOKIE, "", 0)] });
      response.end();
      return true;
    },
    /** An unauthenticated visit: pages (Accept: text/html, GET) go to the hub's login; true when redirected. */
    redirectToLogin(request: IncomingMessage, response: ServerResponse): boolean {
      if (request.method !== "GET" || !/text\/html/.test(request.headers.accept ?? "")) return false;
      login(response, new URL(request.url ?? "/", "http://x").pathname);
      return true;
    },
  };
}

// The few calls the service makes to the JupyterHub REST API.
import { HttpError } from "../http/body.js";
import type { HubSettings } from "./hub-settings.js";

/** The user model the hub returns for a token (`GET /hub/api/user`). */
export interface HubUser {
  kind: "user" | "service";
  name: string;
  groups?: string[];
  /** The token's scopes, expanded. */
  scopes: string[];
}

/**
 * A hub API error the service cannot recover from (the hub is down, the service's token was
 * refused). Nothing the service does works without the hub, so the request it was serving is
 * answered 503 with Retry-After: the client's fault it is not, and it may well pass later.
 */
export class HubUnavailable extends HttpError {
  constructor(detail: string) {
    super(503, `the hub is unavailable (${detail}); try again shortly`, { "retry-after": "30" });
  }
}

/**
 * Who a token belongs to: the hub's answer, or undefined when the hub does not know the
 * token (expired, revoked, made up).
 */
export async function userForToken(hub: HubSettings, token: string): Promise<HubUser | undefined> {
  const response = await hubFetch(`${hub.apiUrl}/user`, { headers: { authorization: `token ${token}` } }, "GET /hub/api/user");
  if (response.status === 403 || response.status === 401) return undefined;
  if (!response.ok) throw new HubUnavailable(`the hub answered ${response.status} to GET /hub/api/user`);
  return (await response.json()) as HubUser;
}

/** The members of a hub group (the service's own token needs `read:groups` on it); [] when the group does not exist. */
export async function groupMembers(hub: HubSettings, group: string): Promise<string[]> {
  const response = await hubFetch(`${hub.apiUrl}/groups/${encodeURIComponent(group)}`, { headers: { authorization: `token ${hub.apiToken}` } }, `GET /hub/api/groups/${group}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new HubUnavailable(`the hub answered ${response.status} to GET /hub/api/groups/${group}`);
  return ((await response.json()) as { users?: string[] }).users ?? [];
}

/**
 * Completes the OAuth login: the authorization code the hub sent the browser back with,
 * exchanged for the user's token (the service authenticates with its own token as secret).
 */
export async function tokenForCode(hub: HubSettings, code: string): Promise<string> {
  const body = new URLSearchParams({ client_id: hub.clientId, client_secret: hub.apiToken, grant_type: "authorization_code", code, redirect_uri: hub.callbackUrl });
  const response = await hubFetch(`${hub.apiUrl}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }, "POST /hub/oauth2/token");
  // A stale or reused code is the browser's to retry from the login, not a hub outage.
  if (response.status >= 400 && response.status < 500) throw new HttpError(400, `the hub refused the login code (${response.status}); sign in again`);
  if (!response.ok) throw new HubUnavailable(`the hub answered ${response.status} to POST /hub/oauth2/token`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A request to the hub with a 10-s time-out; a hub that cannot be reached at all is HubUnavailable too. */
async function hubFetch(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new HubUnavailable(`no answer to ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

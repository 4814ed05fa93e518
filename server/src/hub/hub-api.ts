// The few calls the service makes to the JupyterHub REST API.
import type { HubSettings } from "./hub-settings.js";

/** The user model the hub returns for a token (`GET /hub/api/user`). */
export interface HubUser {
  kind: "user" | "service";
  name: string;
  groups?: string[];
  /** The token's scopes, expanded. */
  scopes: string[];
}

/** A hub API error the service cannot recover from (the hub is down, the service's token was refused). */
export class HubUnavailable extends Error {}

/**
 * Who a token belongs to: the hub's answer, or undefined when the hub does not know the
 * token (expired, revoked, made up).
 */
export async function userForToken(hub: HubSettings, token: string): Promise<HubUser | undefined> {
  const response = await fetch(`${hub.apiUrl}/user`, { headers: { authorization: `token ${token}` }, signal: AbortSignal.timeout(10_000) });
  if (response.status === 403 || response.status === 401) return undefined;
  if (!response.ok) throw new HubUnavailable(`the hub answered ${response.status} to GET /hub/api/user`);
  return (await response.json()) as HubUser;
}

/** The members of a hub group (the service's own token needs `read:groups` on it); [] when the group does not exist. */
export async function groupMembers(hub: HubSettings, group: string): Promise<string[]> {
  const response = await fetch(`${hub.apiUrl}/groups/${encodeURIComponent(group)}`, { headers: { authorization: `token ${hub.apiToken}` }, signal: AbortSignal.timeout(10_000) });
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
  const response = await fetch(`${hub.apiUrl}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new HubUnavailable(`the hub refused the OAuth code (${response.status})`);
  return ((await response.json()) as { access_token: string }).access_token;
}

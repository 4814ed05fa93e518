import { PageConfig } from "@jupyterlab/coreutils";

/**
 * The class service's base URL when JupyterLab runs on a pmxlab hub — the hub's
 * `services/pmxlab/` beside `hubPrefix` (set by jupyterhub-singleuser) — else null
 * (single user: the tutor is the per-user server behind jupyter-server-proxy).
 *
 * @example
 * classServiceUrl(); // "/services/pmxlab/" on a hub at the root; null under `npm start`
 */
export function classServiceUrl(): string | null {
  const hubPrefix = PageConfig.getOption("hubPrefix");
  if (!hubPrefix) return null;
  return `${PageConfig.getOption("hubHost")}${hubPrefix.replace(/hub\/?$/, "")}services/pmxlab/`;
}

/** Whether this JupyterLab is the user's own server (not one shared with them by a co-editor). */
export function ownServer(): boolean {
  const user = PageConfig.getOption("hubUser");
  return user !== "" && user === PageConfig.getOption("hubServerUser");
}

let session: Promise<void> | null = null;

/**
 * Makes sure the browser has the service's session cookie: a visit to `oauth_login` goes
 * through the hub's OAuth (the user is logged in to the hub, and the service needs no
 * confirmation), which the browser follows to `me` with the cookie set. The request is
 * `no-cors`: the hub accepts its login cookie on a script's GET without an XSRF token only
 * for page views and same-origin no-cors requests (jupyterhub/_xsrf_utils.py); a `cors`
 * fetch would land on the hub's login page instead.
 */
function ensureSession(base: string): Promise<void> {
  session ??= fetch(`${base}oauth_login?next=${encodeURIComponent(`${new URL(base, location.href).pathname}me`)}`, { credentials: "same-origin", mode: "no-cors" }).then((response) => {
    if (!response.ok) {
      session = null;
      throw new Error(`the class service did not sign you in (${response.status})`);
    }
  });
  return session;
}

/**
 * A request to the class service (path relative to its base), signed in through the hub's
 * OAuth when needed. Throws when not on a hub.
 */
export async function classRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const base = classServiceUrl();
  if (!base) throw new Error("the class service is only available on a pmxlab hub");
  const send = () => fetch(base + path, { credentials: "same-origin", ...init });
  let response = await send();
  if (response.status === 401) {
    session = null;
    await ensureSession(base);
    response = await send();
  }
  return response;
}

/** A JSON request to the class service; a refusal throws the service's message. */
export async function classJson<T>(path: string, method = "GET", body?: unknown): Promise<T> {
  const response = await classRequest(path, { method, ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });
  const parsed = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(parsed.error ?? `the class service answered ${response.status}`);
  return parsed;
}

// The service on a hub: who a request is comes from the hub (token or OAuth session), roles
// from the hub groups; unauthenticated, unknown, unscoped and cross-site requests are refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startHubStandIn, type HubStandIn } from "../support/hub-stand-in.js";
import { databases } from "../support/databases.js";
import { offlineStandIn, startService, type Harness } from "../support/harness.js";

const ACCESS = "access:services!service=pmxlab";

describe.each(databases)("the hub service's identities on $name", (database) => {
  let hub: HubStandIn;
  let h: Harness;
  beforeEach(async () => {
    hub = await startHubStandIn();
    hub.tokens.set("ada-token", { name: "ada", groups: ["students"], scopes: [ACCESS, "access:servers!user=ada"] });
    hub.tokens.set("grace-token", { name: "grace", groups: ["instructors"], scopes: [ACCESS] });
    hub.tokens.set("unscoped-token", { name: "eve", groups: ["students"], scopes: ["read:users:name!user=eve"] });
    hub.tokens.set("culler-token", { name: "idle-culler", groups: [], scopes: [ACCESS], kind: "service" });
    h = await startService(database, {}, { offline: offlineStandIn, hub: hub.settings });
  });
  afterEach(async () => {
    await h.close();
    await hub.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${h.base}/services/pmxlab${path}`, { headers, redirect: "manual" });

  it("names the user and the role the hub groups give", async () => {
    expect(await (await get("/me", { authorization: "token ada-token" })).json()).toEqual({ user: "ada", instructor: false });
    expect(await (await get("/me", { authorization: "Bearer grace-token" })).json()).toEqual({ user: "grace", instructor: true });
  });

  it("refuses a request without a token, with an unknown token, without the access scope, or from a service", async () => {
    expect((await get("/me")).status).toBe(401);
    expect((await get("/me", { authorization: "token made-up" })).status).toBe(401);
    expect((await get("/me", { authorization: "token unscoped-token" })).status).toBe(401);
    expect((await get("/me", { authorization: "token culler-token" })).status).toBe(401);
    // A session cookie that is not valid percent-encoding is no session (it was a 500).
    expect((await get("/me", { cookie: "pmxlab-session=%E0" })).status).toBe(401);
    // Health is public; it says nothing about anyone.
    expect((await get("/health")).status).toBe(200);
  });

  it("a student on an instructor route gets 403", async () => {
    for (const path of ["/courses", "/class/pk-basics", "/class/pk-basics/page", "/class/pk-basics/grades.csv", "/grading/pk-basics"]) {
      expect((await get(path, { authorization: "token ada-token" })).status, path).toBe(403);
    }
    const post = await fetch(`${h.base}/services/pmxlab/releases/pk-basics`, { method: "POST", headers: { authorization: "token ada-token" } });
    expect(post.status).toBe(403);
  });

  it("a browser is sent through hub OAuth and comes back with a session; a stale or foreign state is refused", async () => {
    // An unauthenticated page visit goes to the hub's authorize endpoint with a state.
    const visit = await get("/", { accept: "text/html" });
    expect(visit.status).toBe(302);
    const authorize = new URL(visit.headers.get("location")!, "http://hub");
    expect(authorize.pathname).toBe("/hub/api/oauth2/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("service-pmxlab");
    expect(authorize.searchParams.get("redirect_uri")).toBe("/services/pmxlab/oauth_callback");
    const state = authorize.searchParams.get("state")!;
    const stateCookie = visit.headers.get("set-cookie")!.split(";")[0]!;

    // The hub sends the browser back with a code; another browser (no state cookie) is refused.
    hub.codes.set("code-1", "ada-token");
    expect((await get(`/oauth_callback?code=code-1&state=${state}`)).status).toBe(400);
    const again = await get("/", { accept: "text/html" });
    const state2 = new URL(again.headers.get("location")!, "http://hub").searchParams.get("state")!;
    const cookie2 = again.headers.get("set-cookie")!.split(";")[0]!;
    const back = await get(`/oauth_callback?code=code-1&state=${state2}`, { cookie: cookie2 });
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/services/pmxlab/");
    const exchange = hub.seen.find((s) => s.path === "/hub/api/oauth2/token")!;
    expect(exchange.form?.get("client_secret")).toBe("service-secret-token");
    const session = back.headers.get("set-cookie")!.split(";")[0]!;
    expect(back.headers.get("set-cookie")).toMatch(/HttpOnly/);
    // The session cookie is an id, not the token.
    expect(session).not.toContain("ada-token");
    expect(await (await get("/me", { cookie: session })).json()).toEqual({ user: "ada", instructor: false });
    // The first state was used up by the refused attempt: it cannot be replayed.
    expect((await get(`/oauth_callback?code=code-1&state=${state}`, { cookie: stateCookie })).status).toBe(400);

    // A cookie-authenticated change from another site is refused; the same page's is not.
    const crossSite = await fetch(`${h.base}/services/pmxlab/submissions/pk-basics`, { method: "POST", headers: { cookie: session, "sec-fetch-site": "cross-site", "content-type": "application/json" }, body: "{}" });
    expect(crossSite.status).toBe(401);
    const sameSite = await fetch(`${h.base}/services/pmxlab/submissions/pk-basics`, { method: "POST", headers: { cookie: session, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" });
    expect(sameSite.status).toBe(400); // identified; the empty body is what is wrong
  });

  it("answers 503 with Retry-After, not 500, while the hub's API fails", async () => {
    // grace's identity is cached before the hub goes down: then reading the roster fails.
    expect((await get("/me", { authorization: "token grace-token" })).status).toBe(200);
    hub.down = 502;
    for (const [path, token] of [["/me", "ada-token"], ["/class/pk-basics", "grace-token"]] as const) {
      const answer = await get(path, { authorization: `token ${token}` });
      expect(answer.status, path).toBe(503);
      expect(Number(answer.headers.get("retry-after")), path).toBeGreaterThan(0);
      expect(((await answer.json()) as { error: string }).error, path).toMatch(/the hub is unavailable \(the hub answered 502 to GET \/hub\/api\/(user|groups\/students)\)/);
    }
    // A hub that drops the connection is unavailable too (fetch's own error was a 500).
    hub.down = "unreachable";
    const dropped = await get("/me", { authorization: "token ada-token" });
    expect(dropped.status).toBe(503);
    expect(((await dropped.json()) as { error: string }).error).toMatch(/^the hub is unavailable \(no answer to GET \/hub\/api\/user: /);
    expect(h.logs.join("")).toMatch(/request not served/);
    hub.down = false;
    expect((await get("/me", { authorization: "token ada-token" })).status).toBe(200);
  });

  it("reads the class roster from the hub's students group", async () => {
    hub.groups.set("students", ["ada", "bob"]);
    const summary = (await (await get("/class/pk-basics", { authorization: "token grace-token" })).json()) as { students: string[] };
    expect(summary.students).toEqual(["ada", "bob"]);
  });
});

// A stand-in for the three JupyterHub API endpoints the service calls (GET /user, GET
// /groups/<name>, POST /oauth2/token), answering as JupyterHub 5.5 does (jupyterhub/apihandlers:
// SelfAPIHandler's model with `scopes`, groups' `users`, the token endpoint's `access_token`).
// The real hub is exercised by test/hub/hub.test.mjs.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HubSettings } from "../../src/hub/hub-settings.js";

export interface StandInUser {
  name: string;
  groups: string[];
  scopes: string[];
  kind?: "user" | "service";
}

export interface HubStandIn {
  settings: HubSettings;
  /** token → user */
  tokens: Map<string, StandInUser>;
  /** code → token, for the OAuth exchange */
  codes: Map<string, string>;
  /** Every request the stand-in got (method and path, the token exchange's form). */
  seen: { method: string; path: string; form?: URLSearchParams; authorization?: string }[];
  groups: Map<string, string[]>;
  /** 502: every API call answers 502, as the proxy in front of a stopped hub does; "unreachable": the connection is dropped unanswered. */
  down: false | 502 | "unreachable";
  close(): Promise<void>;
}

export const SERVICE_TOKEN = "service-secret-token";

export async function startHubStandIn(): Promise<HubStandIn> {
  const tokens = new Map<string, StandInUser>();
  const codes = new Map<string, string>();
  const groups = new Map<string, string[]>();
  const seen: HubStandIn["seen"] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url!, "http://x").pathname;
    const entry: HubStandIn["seen"][number] = { method: request.method!, path, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) };
    seen.push(entry);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (standIn.down === "unreachable") return void request.socket.destroy();
    if (standIn.down === 502) return send(502, { status: 502, message: "Bad Gateway" });
    const token = /^token (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (request.method === "GET" && path === "/hub/api/user") {
      const user = token ? tokens.get(token) : undefined;
      return user ? send(200, { kind: user.kind ?? "user", name: user.name, groups: user.groups, scopes: user.scopes }) : send(403, { status: 403, message: "Missing or invalid credentials." });
    }
    const group = /^\/hub\/api\/groups\/([^/]+)$/.exec(path);
    if (request.method === "GET" && group) {
      if (token !== SERVICE_TOKEN) return send(403, {});
      const users = groups.get(group[1]!);
      return users ? send(200, { kind: "group", name: group[1], users }) : send(404, {});
    }
    if (request.method === "POST" && path === "/hub/api/oauth2/token") {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      entry.form = form;
      const issued = codes.get(form.get("code") ?? "");
      if (!issued || form.get("client_secret") !== SERVICE_TOKEN || form.get("client_id") !== "service-pmxlab") return send(400, { error: "invalid_grant" });
      codes.delete(form.get("code")!);
      return send(200, { access_token: issued, token_type: "Bearer" });
    }
    send(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const standIn: HubStandIn = {
    settings: {
      apiUrl: `http://127.0.0.1:${port}/hub/api`,
      apiToken: SERVICE_TOKEN,
      clientId: "service-pmxlab",
      prefix: "/services/pmxlab/",
      callbackUrl: "/services/pmxlab/oauth_callback",
      authorizeUrl: "/hub/api/oauth2/authorize",
      accessScopes: ["access:services", "access:services!service=pmxlab"],
      publicUrl: `http://127.0.0.1:${port}`,
      instructorGroup: "instructors",
      studentGroup: "students",
      port: 0,
    },
    tokens,
    codes,
    groups,
    seen,
    down: false,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return standIn;
}

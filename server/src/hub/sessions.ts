// Browser sessions of the hub service: after the OAuth login the user's hub token stays on
// the server, and the browser holds only a random session id (an HttpOnly cookie), so no
// script in any page can read a token that acts on the user's server.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "pmxlab-session";

/** How long a session lasts (the cookie's Max-Age too), and how many are kept at most. */
export const SESSION_SECONDS = 8 * 3600;
const MAX_SESSIONS = 20_000;

/** Session id → the user's hub token, bounded in number and age. */
export class Sessions {
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  /** Opens a session for a token; returns its id. */
  open(token: string): string {
    // The oldest session goes first.
    if (this.tokens.size >= MAX_SESSIONS) this.tokens.delete(this.tokens.keys().next().value!);
    const id = randomBytes(24).toString("base64url");
    this.tokens.set(id, { token, expires: Date.now() + SESSION_SECONDS * 1000 });
    return id;
  }

  tokenOf(id: string): string | undefined {
    const entry = this.tokens.get(id);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.tokens.delete(id);
      return undefined;
    }
    return entry.token;
  }
}

/** One cookie of a request, or undefined (also when its value is not valid percent-encoding: no session, not an error). */
export function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

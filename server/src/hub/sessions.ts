// Browser sessions of the hub service: after the OAuth login the user's hub token stays on
// the server, and the browser holds only a random session id (an HttpOnly cookie), so no
// script in any page can read a token that acts on the user's server.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "pmxlab-session";

/** Session id → the user's hub token, bounded in number and age. */
export class Sessions {
  private readonly tokens = new Map<string, { token: string; expires: number }>();
  constructor(
    private readonly maxAgeMs = 8 * 3600_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session for a token; returns its id. */
  open(token: string): string {
    if (this.tokens.size >= this.max) this.tokens.delete(this.tokens.keys().next().value!);
    const id = randomBytes(24).toString("base64url");
    this.tokens.set(id, { token, expires: this.now() + this.maxAgeMs });
    return id;
  }

  tokenOf(id: string): string | undefined {
    const entry = this.tokens.get(id);
    if (!entry) return undefined;
    if (entry.expires < this.now()) {
      this.tokens.delete(id);
      return undefined;
    }
    return entry.token;
  }

  close(id: string): void {
    this.tokens.delete(id);
  }
}

/** One cookie of a request, or undefined. */
export function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

// Who is asking. Single user (jupyter-server-proxy): the server is reachable only through the
// authenticated Jupyter server, so every request is its owner's, who is also the instructor
// of their own courses. On a hub, `hubIdentity` (server/src/hub/) verifies the hub's token instead.
import type { IncomingMessage } from "node:http";
import { userInfo } from "node:os";

export interface Identity {
  user: string;
  /** May change course settings, publish releases, grade and see the class view. */
  instructor: boolean;
  /**
   * On a hub: the user's own token, with which the service acts as the user on their own
   * Jupyter server (course releases go into the home through it). Never sent back.
   */
  token?: string;
}

/** Resolves a request to a user, or undefined (the request is refused with 401). */
export type IdentityProvider = (request: IncomingMessage) => Identity | undefined | Promise<Identity | undefined>;

/** The single-user provider: the Jupyter server's owner (JUPYTERHUB_USER when a hub spawned it). */
export function singleUser(name: string = process.env.JUPYTERHUB_USER || userInfo().username): IdentityProvider {
  const identity: Identity = { user: name, instructor: true };
  return () => identity;
}

// A user's files as their own Jupyter server serves them (the contents API), reached with
// the user's own token: whatever the service writes there is written by the user's server
// process, as the user, with the user's permissions — never by the service itself.

/** The few file operations a release needs, on one user's home. */
export interface UserFiles {
  /** The file's bytes, or undefined when there is none. */
  read(path: string): Promise<Buffer | undefined>;
  write(path: string, bytes: Buffer): Promise<void>;
  /** Creates the folder (and nothing else) when missing. */
  mkdir(path: string): Promise<void>;
}

/** The user's server is not running, or refused the service. */
export class UserServerUnavailable extends Error {}

/**
 * The contents API of the server at `serverUrl` (e.g. `http://127.0.0.1:8000/user/ada/`),
 * authenticated with `token` (the user's hub token, which carries `access:servers!user`).
 */
export function jupyterContents(serverUrl: string, token: string): UserFiles {
  const base = serverUrl.replace(/\/*$/, "/") + "api/contents/";
  const url = (path: string) => base + path.split("/").map(encodeURIComponent).join("/");
  const call = async (method: string, path: string, query = "", body?: unknown) => {
    const response = await fetch(url(path) + query, {
      method,
      headers: { authorization: `token ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    // The proxy sends requests for a stopped server to the hub, which answers with a redirect or 424/503.
    if (response.status >= 300 && response.status < 400) throw new UserServerUnavailable("your Jupyter server is not running: start it from the hub, then try again");
    if (response.status === 403 || response.status === 401) throw new UserServerUnavailable(`your Jupyter server refused the service (${response.status})`);
    return response;
  };
  return {
    async read(path) {
      const response = await call("GET", path, "?type=file&format=base64&content=1");
      if (response.status === 404) return undefined;
      if (!response.ok) throw new UserServerUnavailable(`reading ${path} from your server failed (${response.status})`);
      const model = (await response.json()) as { type: string; content: string };
      return Buffer.from(model.content, "base64");
    },
    async write(path, bytes) {
      const response = await call("PUT", path, "", { type: "file", format: "base64", content: bytes.toString("base64") });
      if (!response.ok) throw new UserServerUnavailable(`writing ${path} to your server failed (${response.status}: ${(await response.text()).slice(0, 200)})`);
    },
    async mkdir(path) {
      const head = await call("GET", path, "?content=0");
      if (head.ok) return;
      const response = await call("PUT", path, "", { type: "directory" });
      if (!response.ok) throw new UserServerUnavailable(`creating ${path} on your server failed (${response.status})`);
    },
  };
}

// A student's notebook session without a browser: JupyterLab's own client library
// (@jupyterlab/services) creates the session through the single-user server's REST API and
// talks to the kernel over its websocket (the Jupyter kernel protocol), as JupyterLab does.
import { KernelManager, ServerConnection, SessionManager } from "@jupyterlab/services";
import WebSocket from "ws";

/**
 * Opens a notebook session with a `kernel` (e.g. "tslab") on `user`'s server behind the hub
 * at `base` (http://host:port), authenticated by the user's API token; a cell without a reply
 * within `timeoutSeconds` fails.
 * Returns `{ execute(code), close() }`; `execute` resolves `{ ms, status, text, error }`:
 * the time from the request to the kernel's reply, the reply's status, the cell's output
 * (its text/plain results and what it printed) and the error (name: value, stderr) if any.
 */
export async function openNotebookSession({ base, user, token, path, kernel, timeoutSeconds = 180 }) {
  // The hub's single-user server takes a token in a websocket's URL only from a browser
  // (Sec-Fetch-Mode: websocket); Node's websocket says who it is in the header instead.
  class TokenWebSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { headers: { Authorization: `token ${token}` } });
    }
  }
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: `${base}/user/${user}/`,
    wsUrl: `${base.replace(/^http/, "ws")}/user/${user}/`,
    token,
    appendToken: false,
    WebSocket: TokenWebSocket,
  });
  const kernelManager = new KernelManager({ serverSettings });
  const sessions = new SessionManager({ serverSettings, kernelManager });
  const session = await sessions.startNew({ path, type: "notebook", name: path, kernel: { name: kernel } });
  return {
    async execute(code) {
      const started = performance.now();
      let text = "";
      let error = "";
      const future = session.kernel.requestExecute({ code, stop_on_error: true });
      future.onIOPub = (message) => {
        const type = message.header.msg_type;
        if (type === "execute_result" || type === "display_data") text += message.content.data["text/plain"] ?? "";
        if (type === "error") error = `${message.content.ename}: ${message.content.evalue}`;
        // tslab shows a cell's last value on stdout.
        if (type === "stream") message.content.name === "stderr" ? (error += message.content.text) : (text += message.content.text);
      };
      // A reply lost with its websocket (seen under a load average of 50) must not hang the caller.
      let timer;
      const reply = await Promise.race([
        future.done,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no reply within ${timeoutSeconds} s to the cell on ${user}'s kernel`)), timeoutSeconds * 1000))),
      ]).finally(() => clearTimeout(timer));
      return { ms: performance.now() - started, status: reply.content.status, text, error };
    },
    async close() {
      await session.shutdown().catch(() => {});
      session.dispose();
      sessions.dispose();
      kernelManager.dispose();
    },
  };
}

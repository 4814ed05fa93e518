import { findDocumentProvider } from "../collaboration/findDocumentProvider.js";

/**
 * How long Submit waits for the save, and then for the class service (ms). The server's save
 * first waits up to 30 s for the connection's earlier edits (docs/collaboration.md, *Saving*),
 * then writes; past this bound something is wrong and the student is told so.
 */
export const SUBMIT_STEP_TIMEOUT_MS = 60_000;

/** What the class service receives (POST submissions/<course>). */
export interface Submission {
  notebook: string;
  content: unknown;
}

/** The parts of a document context that saving for Submit uses. */
export interface SavableContext {
  readonly path: string;
  readonly localPath: string;
  save(): Promise<void>;
}

/** The parts of jupyter-collaboration's content provider (`ICollaborativeContentProvider`) used here. */
export interface CollaborativeSaver {
  readonly providers: ReadonlyMap<string, unknown>;
  save(localPath: string, options: { type: "notebook"; format: "json" }): Promise<unknown>;
}

/**
 * Saves a notebook before it is submitted. A notebook shared in real time is saved by its
 * collaboration server (the websocket `save` request): `context.save()` would first compare
 * the file's hash with the one this tab last heard of, and right after the server's own
 * autosave (a *Check* writes cell metadata) the two differ until the new hash arrives — then
 * JupyterLab opens its modal "File Changed" dialog and the save waits for a click
 * (jupyter-collaboration #312). The server holds the shared document, so there is no
 * conflict to ask about. Other notebooks are saved by their context as usual.
 *
 * @example
 * await saveForSubmit(panel.context, collaborativeContentProvider);
 */
export function saveForSubmit(context: SavableContext, collaboration: CollaborativeSaver | null): Promise<unknown> {
  if (collaboration) {
    for (const path of [context.path, context.localPath]) {
      if (findDocumentProvider(collaboration.providers, "json", "notebook", [path])) return collaboration.save(path, { type: "notebook", format: "json" });
    }
  }
  return context.save();
}

/** `promise`, or a rejection with `message` once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Submit: `content` (the notebook as the student sees it when pressing Submit) is saved with
 * `save`, then sent with `post`. Either resolves with the service's receipt or rejects with
 * one error that says which step failed — neither step is waited for longer than `timeoutMs`.
 *
 * @example
 * const { at } = await submitNotebook("01-elimination.ipynb", model.toJSON(), () => saveForSubmit(context, rtc), (s) => classJson("submissions/pk-basics", "POST", s));
 */
export async function submitNotebook<R>(
  notebook: string,
  content: unknown,
  save: () => Promise<unknown>,
  post: (submission: Submission) => Promise<R>,
  timeoutMs = SUBMIT_STEP_TIMEOUT_MS,
): Promise<R> {
  const seconds = Math.round(timeoutMs / 1000);
  try {
    await within(save(), timeoutMs, `no answer within ${seconds} s (is the connection to your server down?)`);
  } catch (error) {
    throw new Error(`saving ${notebook} failed: ${reason(error)}; nothing was submitted`);
  }
  return within(post({ notebook, content }), timeoutMs, `the class service did not answer within ${seconds} s; submit again to be sure it arrived`);
}

import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";

/**
 * Two real awareness instances (two browser tabs on one notebook) joined the way the
 * collaboration server joins them: while linked, every update of one is encoded and
 * applied to the other; states set before linking are not sent (the server does not replay
 * them to newcomers either). Linked from the start unless `linked: false`. Test helper.
 */
export function awarenessPair({ linked = true } = {}): {
  a: Awareness;
  b: Awareness;
  link: () => void;
  unlink: () => void;
  destroy: () => void;
} {
  const a = new Awareness(new Y.Doc());
  const b = new Awareness(new Y.Doc());
  let isLinked = linked;
  const relay = (from: Awareness, to: Awareness) => (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (!isLinked || origin === "relay") return;
    const clients = [...change.added, ...change.updated, ...change.removed];
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, clients), "relay");
  };
  a.on("update", relay(a, b));
  b.on("update", relay(b, a));
  return {
    a,
    b,
    link: () => (isLinked = true),
    unlink: () => (isLinked = false),
    destroy: () => {
      a.destroy();
      b.destroy();
    },
  };
}

/** The identity jupyter-collaboration puts in each awareness state for an anonymous user. */
export function anonymousUser(name: string, initials: string, colorIndex: number) {
  return { username: name.toLowerCase().replace(/\s+/g, "-"), name, display_name: name, initials, color: `var(--jp-collaborator-color${colorIndex})`, avatar_url: null };
}

/** Io's and Europa's identities, as jupyter-collaboration would set them. */
export const IO = anonymousUser("Anonymous Io", "AI", 3);
export const EUROPA = anonymousUser("Anonymous Europa", "AE", 5);

/** A linked {@link awarenessPair} with Io in tab `a` and Europa in tab `b`. */
export function ioAndEuropa(): ReturnType<typeof awarenessPair> {
  const pair = awarenessPair();
  pair.a.setLocalStateField("user", IO);
  pair.b.setLocalStateField("user", EUROPA);
  return pair;
}

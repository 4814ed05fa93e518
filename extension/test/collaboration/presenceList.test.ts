// @vitest-environment jsdom
import { nullTranslator } from "@jupyterlab/translation";
import { CommandRegistry } from "@lumino/commands";
import { MessageLoop } from "@lumino/messaging";
import { afterEach, describe, expect, it, vi } from "vitest";

// jsdom lacks DragEvent, which @lumino/dragdrop (loaded through @lumino/widgets) subclasses at import.
vi.hoisted(() => {
  (globalThis as { DragEvent?: unknown }).DragEvent ??= class DragEvent extends MouseEvent {};
});

import { CollaborationCommandIds } from "../../src/collaboration/commandIds.js";
import { PresenceList } from "../../src/collaboration/PresenceList.js";
import { PresenceModel } from "../../src/collaboration/PresenceModel.js";
import { awarenessPair, ioAndEuropa } from "./awarenessPair.js";

let pair: ReturnType<typeof awarenessPair>;
afterEach(() => pair?.destroy());

describe("PresenceList", () => {
  it("shows the local user, then each other user with their cell and a Follow button that runs the follow command", () => {
    pair = ioAndEuropa();
    const teacher = new PresenceModel(pair.a);
    teacher.publish({ activeCellId: "cell-b" });
    const commands = new CommandRegistry();
    const followed: number[] = [];
    let following: number | null = null;
    commands.addCommand(CollaborationCommandIds.follow, {
      execute: (args) => {
        following = args.clientId as number;
        followed.push(following);
        commands.notifyCommandChanged(CollaborationCommandIds.follow);
      },
      isToggled: (args) => args.clientId === following,
    });
    const list = new PresenceList({
      presence: new PresenceModel(pair.b),
      commands,
      trans: nullTranslator.load("pmxlab"),
      cellNumberOf: (cellId) => ["cell-a", "cell-b"].indexOf(cellId) + 1 || null,
    });
    MessageLoop.flush();

    const items = [...list.node.querySelectorAll<HTMLElement>(".pmx-PresenceList-item")];
    expect(items.map((item) => [Number(item.dataset.clientId), item.title])).toEqual([
      [pair.b.clientID, "Anonymous Europa (you), no cell selected"],
      [pair.a.clientID, "Anonymous Io, on cell 2"],
    ]);
    expect(list.node.dataset.count).toBe("2");
    expect(items[0].querySelector("button")).toBeNull();

    const button = () => list.node.querySelector<HTMLButtonElement>(".pmx-PresenceList-follow")!;
    expect([button().textContent, button().getAttribute("aria-pressed")]).toEqual(["Follow", "false"]);
    button().click();
    MessageLoop.flush();
    expect(followed).toEqual([pair.a.clientID]);
    expect([button().textContent, button().getAttribute("aria-pressed")]).toEqual(["Following", "true"]);
    list.dispose();
  });
});

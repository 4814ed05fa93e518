// @vitest-environment jsdom
// The class on a hub, browser side: where the class service is, which course a notebook
// belongs to, how feedback is shown, and the OAuth sign-in before a request.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PageConfig } from "@jupyterlab/coreutils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { classJson, classServiceUrl, ownServer } from "../src/hub/classService.js";
import { HubCommandIds } from "../src/hub/commandIds.js";
import { courseNotebook, feedbackNode, syncSummary } from "../src/hub/courseFiles.js";

afterEach(() => {
  for (const key of ["hubPrefix", "hubHost", "hubUser", "hubServerUser"]) PageConfig.setOption(key, "");
  vi.unstubAllGlobals();
});

describe("the class service from JupyterLab", () => {
  it("is beside the hub's prefix, and absent off a hub", () => {
    expect(classServiceUrl()).toBeNull();
    PageConfig.setOption("hubPrefix", "/hub/");
    expect(classServiceUrl()).toBe("/services/pmxlab/");
    PageConfig.setOption("hubPrefix", "/class/hub/");
    PageConfig.setOption("hubHost", "https://hub.example.edu");
    expect(classServiceUrl()).toBe("https://hub.example.edu/class/services/pmxlab/");
  });

  it("tells the user's own server from one shared with them", () => {
    PageConfig.setOption("hubUser", "ada");
    PageConfig.setOption("hubServerUser", "ada");
    expect(ownServer()).toBe(true);
    PageConfig.setOption("hubServerUser", "grace");
    expect(ownServer()).toBe(false);
  });

  it("signs in through the hub's OAuth on a 401, then repeats the request", async () => {
    PageConfig.setOption("hubPrefix", "/hub/");
    const calls: string[] = [];
    let signedIn = false;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push(url);
      if (url.startsWith("/services/pmxlab/oauth_login")) {
        // Through the hub's OAuth as a same-origin no-cors request (the hub's XSRF rule).
        expect(init.mode).toBe("no-cors");
        signedIn = true;
        return new Response("{}", { status: 200 });
      }
      return signedIn ? new Response(JSON.stringify([{ course: "pk-basics" }]), { status: 200 }) : new Response(JSON.stringify({ error: "not signed in" }), { status: 401 });
    });
    expect(await classJson("releases")).toEqual([{ course: "pk-basics" }]);
    expect(calls).toEqual(["/services/pmxlab/releases", "/services/pmxlab/oauth_login?next=%2Fservices%2Fpmxlab%2Fme", "/services/pmxlab/releases"]);
  });

  it("passes a refusal's message on", async () => {
    PageConfig.setOption("hubPrefix", "/hub/");
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: "only an instructor may grade a class" }), { status: 403 }));
    await expect(classJson("grading/pk-basics", "POST")).rejects.toThrow("only an instructor may grade a class");
  });
});

describe("course notebooks and feedback", () => {
  it("a notebook's course is its folder in the home", () => {
    expect(courseNotebook("pk-basics/01-elimination.ipynb")).toEqual({ course: "pk-basics", notebook: "01-elimination.ipynb" });
    expect(courseNotebook("scratch.ipynb")).toBeNull();
    expect(courseNotebook("pk-basics/checks.ts")).toBeNull();
  });

  it("summarises a sync, naming the new versions written beside edited notebooks", () => {
    expect(syncSummary({ course: "pk-basics", version: 2, added: ["a.csv"], updated: [], unchanged: ["x"], beside: [{ file: "01.ipynb", newFile: "01.new.ipynb" }] })).toBe(
      "pk-basics (release 2): 1 new, 0 updated; your edits are kept, the new versions are beside them: 01.new.ipynb",
    );
  });

  it("shows every item of the feedback as text, never as markup", () => {
    const node = feedbackNode({
      course: "pk-basics",
      total: 2,
      max: 5,
      notes: "",
      exercises: [{ id: "pk-basics/half-life", points: 2, max: 2, problems: [], items: [{ name: "half-life (h)", passed: false, hidden: true, message: "<img src=x onerror=alert(1)> ln 2 forgotten" }] }],
    });
    expect(node.querySelector("h4")!.textContent).toBe("pk-basics/half-life: 2 / 2");
    expect(node.querySelector("li")!.textContent).toBe("✗ half-life (h) (hidden): <img src=x onerror=alert(1)> ln 2 forgotten");
    expect(node.querySelector("img")).toBeNull();
  });
});

describe("the File menu on a hub", () => {
  it("lists exactly the class commands", () => {
    const schema = JSON.parse(readFileSync(resolve(__dirname, "../schema/hub.json"), "utf8"));
    const items = schema["jupyter.lab.menus"].main[0].items.map((i: { command: string }) => i.command);
    expect(items.sort()).toEqual(Object.values(HubCommandIds).sort());
  });
});

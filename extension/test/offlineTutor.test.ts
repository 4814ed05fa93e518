// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { ServerConnection } from "@jupyterlab/services";
import type { Notebook } from "@pmxlab/kernel/exercise";
import { courseNotebooks } from "../src/tutor/courseNotebooks.js";
import { askOfflineTutor, OFFLINE_NOTICE } from "../src/tutor/offlineTutor.js";
import { askTutorServer, NoTutorServerError } from "../src/tutor/tutorClient.js";

/** Settings whose requests all get `answer` (a Response, or an error thrown as fetch does on a network failure). */
function settingsAnswering(answer: () => Response): ServerConnection.ISettings {
  return ServerConnection.makeSettings({ baseUrl: "http://127.0.0.1:8000/", fetch: (async () => answer()) as typeof fetch });
}

const body = { course: "c", attempt: 0, request: { kind: "hint", question: "", hintLevel: 0, history: [] } };

describe("asking the tutor's server", () => {
  it("says no server answered when the endpoint is not there (static site, proxy without server) or the network fails", async () => {
    for (const status of [404, 405, 501, 502, 504]) {
      await expect(askTutorServer(body, { settings: settingsAnswering(() => new Response("no", { status })) })).rejects.toBeInstanceOf(NoTutorServerError);
    }
    await expect(
      askTutorServer(body, {
        settings: settingsAnswering(() => {
          throw new TypeError("Failed to fetch");
        }),
      }),
    ).rejects.toBeInstanceOf(NoTutorServerError);
  });

  it("keeps the server's refusal (exam mode, hint budget, rate limit) as it is", async () => {
    const refusal = () => new Response(JSON.stringify({ error: "The tutor is off for course c (exam mode)." }), { status: 403, headers: { "content-type": "application/json" } });
    const error = await askTutorServer(body, { settings: settingsAnswering(refusal) }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NoTutorServerError);
    expect((error as Error).message).toBe("The tutor is off for course c (exam mode).");
  });
});

const markdown = (source: string) => ({ cell_type: "markdown", metadata: {}, source });
const elimination: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    markdown("# Elimination\n\n## Clearance\n\nClearance is the volume of plasma cleared of drug per unit time; with the volume it sets the elimination rate constant."),
    markdown("## Bioavailability of the tablet\n\nThe tablet's fraction absorbed is written F."),
  ],
} as Notebook;

describe("the offline tutor in the page", () => {
  it("gives the exercise's next authored hint, says it answered in the browser, and quotes the course's notebooks", async () => {
    const exercise = { id: "lite-test/half-life", text: "## Half-life", hints: ["Clearance and volume give ke.", "t½ = ln 2 / ke."] };
    const notebooks = async () => ({ course: "lite-test", notebooks: [{ file: "01-elimination.ipynb", content: elimination }] });
    const hint = await askOfflineTutor({ kind: "hint", question: "", exercise, hintLevel: 1, history: [] }, "lite-test", notebooks);
    expect(hint.text).toContain("**Hint 2 of 2:** t½ = ln 2 / ke.");
    expect(hint.hintLevel).toBe(2);
    expect(hint.backend).toBe("offline");
    expect(hint.notice).toBe(OFFLINE_NOTICE);

    const streamed: string[] = [];
    const answer = await askOfflineTutor({ kind: "question", question: "What does clearance mean?", exercise, hintLevel: 2, history: [] }, "lite-test", notebooks, (chunk) => streamed.push(chunk));
    expect(answer.text).toContain("volume of plasma cleared of drug per unit time");
    expect(answer.text).toContain("lite-test/01-elimination.ipynb");
    expect(streamed.join("")).toBe(answer.text);
  });
});

describe("the course's notebooks for the in-page tutor", () => {
  it("reads the notebooks beside the open one, in name order, and nothing else", async () => {
    const listing = [
      { name: "02-b.ipynb", path: "course/02-b.ipynb", type: "notebook" },
      { name: "checks.ts", path: "course/checks.ts", type: "file" },
      { name: "01-a.ipynb", path: "course/01-a.ipynb", type: "notebook" },
      { name: "sub", path: "course/sub", type: "directory" },
    ];
    const read: string[] = [];
    const contents = {
      get: async (path: string) => {
        read.push(path);
        return path === "course" ? { content: listing } : { content: { cells: [], path } };
      },
    };
    const found = await courseNotebooks(contents as never, "course/02-b.ipynb", "my-course");
    expect(found.course).toBe("my-course");
    expect(found.notebooks.map((n) => n.file)).toEqual(["01-a.ipynb", "02-b.ipynb"]);
    expect(found.notebooks[0]!.content).toEqual({ cells: [], path: "course/01-a.ipynb" });
    expect(read.sort()).toEqual(["course", "course/01-a.ipynb", "course/02-b.ipynb"]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { newScope } from "../../src/cell/run-cell.js";
import { tslabHost } from "../../src/display/tslab-host.js";
import { toBase64, tslabShim, type DisplayContent } from "../../src/display/tslab-shim.js";

interface Sent {
  content: DisplayContent;
  update: boolean;
}

function recorder() {
  const sent: Sent[] = [];
  return { sent, write: (content: DisplayContent, update: boolean) => sent.push({ content, update }) };
}

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
});

describe("the tslab shim's display", () => {
  it("sends one display_data per call, with the MIME type of the method", () => {
    const { sent, write } = recorder();
    const tslab = tslabShim(write, "5.9.3");
    tslab.display.html("<b>x</b>");
    tslab.display.markdown("# T");
    tslab.display.svg("<svg/>");
    tslab.display.raw("application/vnd.custom+json", '{"a":1}');
    expect(sent.map((s) => [Object.keys(s.content.data)[0], s.update])).toEqual([
      ["text/html", false],
      ["text/markdown", false],
      ["image/svg+xml", false],
      ["application/vnd.custom+json", false],
    ]);
    expect(sent[0].content.data["text/html"]).toBe("<b>x</b>");
  });

  it("sends image bytes as base64 (checked against Node's Buffer)", () => {
    const { sent, write } = recorder();
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    tslabShim(write, "").display.png(bytes);
    tslabShim(write, "").display.jpeg(bytes.subarray(0, 3));
    expect(sent[0].content.data["image/png"]).toBe(Buffer.from(bytes).toString("base64"));
    expect(sent[1].content.data["image/jpeg"]).toBe(Buffer.from(bytes.subarray(0, 3)).toString("base64"));
    expect(toBase64(new Uint8Array([]))).toBe("");
  });

  it("a newDisplay shows once, then updates the same display id", () => {
    const { sent, write } = recorder();
    const d = tslabShim(write, "").newDisplay();
    d.text("1");
    d.text("2");
    expect(sent.map((s) => s.update)).toEqual([false, true]);
    const ids = sent.map((s) => s.content.transient.display_id);
    expect(typeof ids[0]).toBe("string");
    expect(ids[1]).toBe(ids[0]);
  });
});

describe("@pmxlab/kernel's show and check in the browser kernel's tslab host", () => {
  async function setUp() {
    const { sent, write } = recorder();
    const scope = newScope();
    const tslab = tslabShim(write, "");
    (globalThis as { __tslab__?: unknown }).__tslab__ = tslabHost(scope, tslab, write);
    const kernel = await import("@pmxlab/kernel");
    return { sent, scope, tslab, kernel };
  }

  it("show(fig) and show(fig, tslab) each send the whole MIME bundle in one display_data, as in tslab", async () => {
    const { sent, tslab, kernel } = await setUp();
    const fig = kernel.simulate("pk1cmt_iv", { regimen: "600 mg", times: { end: 24 } }).plot();
    expect(kernel.show(fig)).toBeUndefined();
    expect(kernel.show(fig, tslab)).toBeUndefined();
    const expected = kernel.toMimeBundle(fig);
    expect(sent).toHaveLength(2);
    for (const s of sent) {
      expect(s.update).toBe(false);
      expect(Object.keys(s.content.data).sort()).toEqual(["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
      expect(s.content.data["text/plain"]).toBe(expected["text/plain"]);
      expect(s.content.data["application/vnd.plotly.v1+json"]).toEqual(expected["application/vnd.plotly.v1+json"]);
    }
  });

  it("kernelAnswers reads the cells' variables from the scope", async () => {
    const { scope } = await setUp();
    scope.halfLife = 7.5;
    const { kernelAnswers } = await import("@pmxlab/kernel/exercise");
    expect(kernelAnswers().get("halfLife")).toBe(7.5);
    expect(() => kernelAnswers().get("missing")).toThrow(/run the cells above first/);
  });
});

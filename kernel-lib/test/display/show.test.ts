import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { PLOTLY_MIME, show, toMimeBundle } from "../../src/display/index.js";
import type { TslabModule } from "../../src/display/index.js";
import type { PlotlyFigure } from "../../src/plot/index.js";

const fig: PlotlyFigure = {
  data: [
    { type: "scatter", mode: "lines", name: "ID 1", x: [0, 1, 2], y: [24, 18.9, 14.8] },
    { type: "scatter", mode: "lines", name: "ID 2", x: [0, 1, 2], y: [12, 9.4, 7.4] },
    { type: "scatter", mode: "markers", name: "observed", x: [1], y: [19] },
  ],
  layout: { xaxis: { title: { text: "time (h)" } }, yaxis: { title: { text: "CP (mg/L)" }, type: "linear" }, showlegend: true },
};

type Sent = { content: { data: Record<string, unknown>; metadata: unknown; transient: unknown }; update: boolean };

/** A stand-in for tslab's public module: only `display.raw`, recording what it is sent. */
function fakeTslab() {
  const raw: [string, unknown][] = [];
  const module: TslabModule = { display: { raw: (mime, value) => raw.push([mime, value]) } };
  return { module, raw };
}

/** Installs a stand-in for tslab's `globalThis.__tslab__`, whose loader has a module cache. */
function installHost(load: (id: string) => unknown, cache: Record<string, { filename: string; exports: unknown }>) {
  (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require: Object.assign(load, { cache }) };
}

afterEach(() => {
  delete (globalThis as { __tslab__?: unknown }).__tslab__;
});

describe("toMimeBundle", () => {
  it("holds the plotly figure, a PNG and a text fallback, and survives JSON", () => {
    const bundle = toMimeBundle(fig);
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
    expect(PLOTLY_MIME).toBe("application/vnd.plotly.v1+json");
    expect(JSON.parse(JSON.stringify(bundle))).toStrictEqual({ "application/vnd.plotly.v1+json": fig, "image/png": bundle["image/png"], "text/plain": bundle["text/plain"] });
  });

  it("summarises the figure as its trace count and y axis", () => {
    expect(toMimeBundle(fig)["text/plain"]).toBe("plotly figure: 3 traces, y: CP (mg/L)");
    expect(toMimeBundle({ ...fig, data: fig.data.slice(0, 1) })["text/plain"]).toBe("plotly figure: 1 trace, y: CP (mg/L)");
  });
});

describe("show", () => {
  it("returns the bundle and sends nothing outside tslab", () => {
    expect(show(fig)).toStrictEqual(toMimeBundle(fig));
  });

  it("sends the whole bundle in one display_data through tslab's writer found beside its public module", () => {
    const tslab = fakeTslab();
    const sent: Sent[] = [];
    const loaded: string[] = [];
    installHost(
      (id) => {
        loaded.push(id);
        return tslab.module;
      },
      {
        "/k/node_modules/tslab/dist/public.js": { filename: "/k/node_modules/tslab/dist/public.js", exports: tslab.module },
        "/k/node_modules/tslab/dist/jupyter.js": {
          filename: "/k/node_modules/tslab/dist/jupyter.js",
          exports: { lastWriteDisplayData: (content: Sent["content"], update: boolean) => sent.push({ content, update }) },
        },
      },
    );
    expect(show(fig)).toBeUndefined();
    expect(loaded).toEqual(["tslab"]);
    expect(tslab.raw).toEqual([]);
    expect(sent).toStrictEqual([{ content: { data: toMimeBundle(fig), metadata: {}, transient: {} }, update: false }]);
  });

  it("falls back to the public display.raw with the plotly JSON when the writer is not found", () => {
    const tslab = fakeTslab();
    installHost(() => tslab.module, {});
    expect(show(fig)).toBeUndefined();
    expect(tslab.raw).toEqual([[PLOTLY_MIME, fig]]);
  });

  it("uses a tslab module passed in, through its public display.raw when there is no tslab host", () => {
    const tslab = fakeTslab();
    expect(show(fig, tslab.module)).toBeUndefined();
    expect(tslab.raw).toHaveLength(1);
    expect(tslab.raw[0][0]).toBe("application/vnd.plotly.v1+json");
    expect(JSON.parse(JSON.stringify(tslab.raw[0][1]))).toStrictEqual(fig);
  });
});

describe("show against the installed tslab's internals", () => {
  // Pins the private contract with the real tslab package the platform installs: if an
  // upgrade moves or renames `lastWriteDisplayData`, this fails rather than the plot vanishing.
  const load = createRequire(import.meta.url);
  const tslab = load("tslab") as TslabModule & { versions: { tslab: string } };
  const jupyter = load("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

  afterEach(() => {
    jupyter.lastWriteDisplayData = null;
  });

  it("is tslab 1.0.22, the version whose internals were read", () => {
    expect(tslab.versions.tslab).toBe("1.0.22");
  });

  it("finds the kernel's display-data writer through tslab's module cache and sends all three MIME types", () => {
    const sent: Sent[] = [];
    jupyter.lastWriteDisplayData = (content: Sent["content"], update: boolean) => sent.push({ content, update });
    (globalThis as { __tslab__?: unknown }).__tslab__ = { exports: {}, require: load };
    expect(show(fig)).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0].update).toBe(false);
    expect(Object.keys(sent[0].content.data).sort()).toEqual([PLOTLY_MIME, "image/png", "text/plain"]);
    expect(sent[0].content.data[PLOTLY_MIME]).toBe(fig);
  });

  it("matches the message shape of tslab's own public display.raw", () => {
    const sent: Sent[] = [];
    jupyter.lastWriteDisplayData = (content: Sent["content"], update: boolean) => sent.push({ content, update });
    tslab.display.raw("text/plain", "x");
    // tslab's server sends `update ? "update_display_data" : "display_data"` (dist/jupyter.js).
    const messages = sent.map(({ content, update }) => ({ type: update ? "update_display_data" : "display_data", content }));
    expect(JSON.parse(JSON.stringify(messages))).toStrictEqual([
      { type: "display_data", content: { data: { "text/plain": "x" }, metadata: {}, transient: {} } },
    ]);
  });
});

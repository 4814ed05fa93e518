import { describe, expect, it } from "vitest";
import { toMimeBundle } from "../../src/display/index.js";
import type { PlotlyFigure } from "../../src/plot/index.js";
import { decodePng } from "../raster/png-reader.js";

const fig: PlotlyFigure = {
  data: [{ type: "scatter", mode: "lines", name: "ID 1", x: [0, 1, 2], y: [24, 18.9, 14.8] }],
  layout: { xaxis: { title: { text: "time (h)" } }, yaxis: { title: { text: "CP (mg/L)" }, type: "log" }, showlegend: true },
};

describe("toMimeBundle's image/png fallback", () => {
  it("is a base64 PNG of 640 × 400 by default", () => {
    const png = Buffer.from(toMimeBundle(fig)["image/png"] ?? "", "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = decodePng(new Uint8Array(png));
    expect([image.width, image.height]).toEqual([640, 400]);
  });

  it("takes another size, or none at all", () => {
    const png = Buffer.from(toMimeBundle(fig, { png: { width: 480, height: 300 } })["image/png"] ?? "", "base64");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 300]); // IHDR width, height
    expect(Object.keys(toMimeBundle(fig, { png: false })).sort()).toEqual(["application/vnd.plotly.v1+json", "text/plain"]);
  });

  it("is left out, with the reason in the text summary, for a figure it cannot draw", () => {
    const bad: PlotlyFigure = { ...fig, data: [{ ...fig.data[0], line: { color: "cornflower" } }] };
    const bundle = toMimeBundle(bad);
    expect(bundle["image/png"]).toBeUndefined();
    expect(bundle["text/plain"]).toBe(
      'plotly figure: 1 trace, y: CP (mg/L) (no image/png: data[0].line.color: cannot read the colour "cornflower"; use #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a basic colour name)',
    );
  });
});

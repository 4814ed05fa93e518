// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { JupyterFrontEnd } from "@jupyterlab/application";
import type { ISettingRegistry } from "@jupyterlab/settingregistry";
import { describe, expect, it } from "vitest";
import { settingsPlugin } from "../src/settingsPlugin.js";

const schema = JSON.parse(readFileSync(resolve(__dirname, "../schema/settings.json"), "utf8"));

/** A registry holding `kernelName` as the user set it; defaults come from schema/settings.json, as in JupyterLab. */
function registry(kernelName: unknown): ISettingRegistry {
  const settings = { composite: { kernelName }, default: (key: string) => schema.properties[key]?.default };
  return { load: async () => settings } as unknown as ISettingRegistry;
}

describe("settingsPlugin", () => {
  it("gives the kernel the user chose", async () => {
    const settings = await settingsPlugin.activate({} as JupyterFrontEnd, registry("python3"));
    expect(settings.kernelName).toBe("python3");
  });

  it("falls back to the schema's default kernel, tslab (the kernel scripts/setup.sh installs), for an empty setting", async () => {
    for (const value of ["", undefined, 42]) {
      const settings = await settingsPlugin.activate({} as JupyterFrontEnd, registry(value));
      expect(settings.kernelName).toBe("tslab");
    }
  });
});

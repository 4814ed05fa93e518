import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ISettingRegistry } from "@jupyterlab/settingregistry";
import { IPmxlabSettings } from "./tokens.js";

const PLUGIN_ID = "@pmxlab/jupyterlab:settings";

/**
 * Loads `schema/settings.json` and exposes it as {@link IPmxlabSettings}. An empty kernel name
 * falls back to the schema's default, so the default kernel is written in the schema alone.
 */
export const settingsPlugin: JupyterFrontEndPlugin<IPmxlabSettings> = {
  id: PLUGIN_ID,
  description: "Provides the pmxlab user settings.",
  autoStart: true,
  requires: [ISettingRegistry],
  provides: IPmxlabSettings,
  activate: async (_app: JupyterFrontEnd, registry: ISettingRegistry): Promise<IPmxlabSettings> => {
    const settings = await registry.load(PLUGIN_ID);
    return {
      get kernelName(): string {
        const value = settings.composite.kernelName;
        return typeof value === "string" && value !== "" ? value : (settings.default("kernelName") as string);
      },
    };
  },
};

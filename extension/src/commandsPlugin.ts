import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { ICommandPalette, showDialog, Dialog } from "@jupyterlab/apputils";
import { ITranslator, nullTranslator } from "@jupyterlab/translation";
import { CommandIds } from "./commandIds.js";
import { IPmxlabSettings } from "./tokens.js";

/** Registers the pmxlab commands (About, New pmxlab notebook) and puts them in the palette. */
export const commandsPlugin: JupyterFrontEndPlugin<void> = {
  id: "@pmxlab/jupyterlab:commands",
  description: "Adds the pmxlab commands to the palette and menus.",
  autoStart: true,
  requires: [IPmxlabSettings],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    settings: IPmxlabSettings,
    palette: ICommandPalette | null,
    translator: ITranslator | null,
  ): void => {
    const trans = (translator ?? nullTranslator).load("pmxlab");
    app.commands.addCommand(CommandIds.about, {
      label: trans.__("About pmxlab"),
      caption: trans.__("What pmxlab is and how to start"),
      execute: () =>
        showDialog({
          title: trans.__("pmxlab"),
          body: trans.__(
            "Pharmacometrics in JupyterLab: simulate PK/PD models with @pmxlab/kernel in the TypeScript (tslab) kernel. Kernel for new notebooks: %1.",
            settings.kernelName,
          ),
          buttons: [Dialog.okButton({ label: trans.__("OK") })],
        }),
    });
    app.commands.addCommand(CommandIds.newNotebook, {
      label: trans.__("New pmxlab Notebook"),
      caption: trans.__("Create a notebook that runs TypeScript with @pmxlab/kernel"),
      execute: (args) =>
        app.commands.execute("notebook:create-new", {
          cwd: typeof args.cwd === "string" ? args.cwd : "",
          kernelName: settings.kernelName,
        }),
    });
    const category = trans.__("pmxlab");
    palette?.addItem({ command: CommandIds.about, category });
    palette?.addItem({ command: CommandIds.newNotebook, category });
  },
};

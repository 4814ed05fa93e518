import type { TranslationBundle } from "@jupyterlab/translation";
import type { CommandRegistry } from "@lumino/commands";
import { Widget } from "@lumino/widgets";
import { avatarElement } from "./avatarElement.js";
import { CollaborationCommandIds } from "./commandIds.js";
import type { PresenceModel } from "./PresenceModel.js";
import type { Collaborator } from "./readCollaborators.js";

/** Others shown by name; the rest are summarised as "+n" (the follow command lists everyone). */
const MAX_LISTED = 4;

export interface PresenceListOptions {
  readonly presence: PresenceModel;
  readonly commands: CommandRegistry;
  readonly trans: TranslationBundle;
  /** 1-based number of the cell with this id in the local notebook, or null if it is not there. */
  readonly cellNumberOf: (cellId: string) => number | null;
}

/**
 * Notebook toolbar item listing who is in the notebook: the local user's avatar, then each
 * other user's avatar, name and a Follow button (runs {@link CollaborationCommandIds.follow},
 * shown pressed while following). The tooltip says which cell each person is on.
 *
 * @example
 * ```ts
 * panel.toolbar.insertAfter("spacer", "pmxlab-presence", new PresenceList({ presence, commands, trans, cellNumberOf }));
 * ```
 */
export class PresenceList extends Widget {
  constructor(options: PresenceListOptions) {
    super();
    this._options = options;
    this.addClass("pmx-PresenceList");
    this.node.setAttribute("role", "list");
    this.node.setAttribute("aria-label", options.trans.__("People in this notebook"));
    options.presence.changed.connect(this.update, this);
    options.commands.commandChanged.connect(this._onCommandChanged, this);
    this.update();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._options.commands.commandChanged.disconnect(this._onCommandChanged, this);
    super.dispose();
  }

  protected override onUpdateRequest(): void {
    const { presence, trans } = this._options;
    const people = presence.collaborators;
    this.node.dataset.count = String(people.length);
    const others = people.filter((person) => !person.isLocal);
    const local = people.find((person) => person.isLocal);
    const items = [...(local ? [this._item(local)] : []), ...others.slice(0, MAX_LISTED).map((person) => this._item(person))];
    const hidden = others.slice(MAX_LISTED);
    if (hidden.length > 0) {
      const more = document.createElement("span");
      more.className = "pmx-PresenceList-more";
      more.textContent = trans.__("+%1", hidden.length);
      more.title = hidden.map((person) => person.name).join("\n");
      items.push(more);
    }
    this.node.replaceChildren(...items);
    this.node.title = trans._n("%1 person in this notebook", "%1 people in this notebook", people.length);
  }

  private _item(person: Collaborator): HTMLElement {
    const { commands, trans, cellNumberOf } = this._options;
    const item = document.createElement("span");
    item.className = "pmx-PresenceList-item";
    item.setAttribute("role", "listitem");
    item.dataset.clientId = String(person.clientId);
    const cell = person.activeCellId === null ? null : cellNumberOf(person.activeCellId);
    const where = cell === null ? trans.__("no cell selected") : trans.__("on cell %1", cell);
    item.title = person.isLocal ? trans.__("%1 (you), %2", person.name, where) : trans.__("%1, %2", person.name, where);
    item.append(avatarElement(person));
    if (person.isLocal) {
      item.classList.add("pmx-mod-local");
      return item;
    }
    const name = document.createElement("span");
    name.className = "pmx-PresenceList-name";
    name.textContent = person.name;
    item.append(name);
    if (commands.hasCommand(CollaborationCommandIds.follow)) {
      const args = { clientId: person.clientId };
      const following = commands.isToggled(CollaborationCommandIds.follow, args);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pmx-PresenceList-follow jp-mod-styled";
      button.setAttribute("aria-pressed", String(following));
      button.textContent = following ? trans.__("Following") : trans.__("Follow");
      button.title = following ? trans.__("Stop following %1", person.name) : trans.__("Follow %1's cell and scrolling", person.name);
      button.addEventListener("click", () => void commands.execute(CollaborationCommandIds.follow, args));
      item.append(button);
    }
    return item;
  }

  private _onCommandChanged(_: CommandRegistry, change: CommandRegistry.ICommandChangedArgs): void {
    if (change.id === undefined || change.id === CollaborationCommandIds.follow) this.update();
  }

  private readonly _options: PresenceListOptions;
}

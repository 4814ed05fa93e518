import type { Collaborator } from "./readCollaborators.js";

/**
 * A round avatar with the collaborator's initials in their colour (the colour is a CSS
 * custom property, so theme variables such as `var(--jp-collaborator-color3)` work).
 *
 * @example
 * ```ts
 * listItem.append(avatarElement(person));
 * ```
 */
export function avatarElement(person: Collaborator): HTMLElement {
  const avatar = document.createElement("span");
  avatar.className = "pmx-Avatar";
  avatar.style.setProperty("--pmx-collaborator-color", person.color);
  avatar.textContent = person.initials;
  avatar.title = person.name;
  avatar.dataset.clientId = String(person.clientId);
  return avatar;
}

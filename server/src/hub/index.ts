export { readHubSettings, type HubSettings } from "./hub-settings.js";
export { hubIdentity } from "./hub-identity.js";
export { hubOAuth } from "./oauth-routes.js";
export { Sessions } from "./sessions.js";
export { groupMembers, HubUnavailable, tokenForCode, userForToken, type HubUser } from "./hub-api.js";

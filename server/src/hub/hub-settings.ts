// What a JupyterHub-managed service learns from the hub: its API token and URL, its OAuth
// client, the URL prefix the proxy routes to it. JupyterHub sets these variables when it
// starts the service (jupyter-config/hub/jupyterhub_config.py declares it).

/** The service's view of its hub. */
export interface HubSettings {
  /** JUPYTERHUB_API_URL, e.g. http://127.0.0.1:8001/hub/api (no trailing slash). */
  apiUrl: string;
  /** JUPYTERHUB_API_TOKEN: the service's own token (also its OAuth client secret). */
  apiToken: string;
  /** JUPYTERHUB_CLIENT_ID, e.g. service-pmxlab. */
  clientId: string;
  /** JUPYTERHUB_SERVICE_PREFIX, e.g. /services/pmxlab/ (the proxy passes it on). */
  prefix: string;
  /** JUPYTERHUB_OAUTH_CALLBACK_URL, e.g. /services/pmxlab/oauth_callback. */
  callbackUrl: string;
  /** Where browsers are sent to log in: the hub's OAuth authorize endpoint. */
  authorizeUrl: string;
  /** JUPYTERHUB_OAUTH_ACCESS_SCOPES: a token needs one of these to use the service. */
  accessScopes: string[];
  /** PMXLAB_HUB_PUBLIC_URL: the proxy's address as the service reaches it, for users' servers (`<url>/user/<name>/`). */
  publicUrl: string;
  /** The hub groups whose members are instructors (PMXLAB_HUB_INSTRUCTOR_GROUP, default `instructors`). */
  instructorGroup: string;
  /** The hub group of the class's students (PMXLAB_HUB_STUDENT_GROUP, default `students`). */
  studentGroup: string;
  /** Where the service listens: the port of JUPYTERHUB_SERVICE_URL. */
  port: number;
  /**
   * The address it binds, the host of JUPYTERHUB_SERVICE_URL as JupyterHub's services do:
   * 127.0.0.1 on one machine (the proxy is the way in), 0.0.0.0 in a container of the hub
   * pod (jupyter-config/k8s), where the proxy reaches it on the pod's address.
   */
  host: string;
}

/** The hub settings from the environment JupyterHub gives a managed service; a missing one is an error naming it. */
export function readHubSettings(env: NodeJS.ProcessEnv = process.env): HubSettings {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: run the service from JupyterHub (jupyter-config/hub/jupyterhub_config.py), which sets it`);
    return value;
  };
  const apiUrl = need("JUPYTERHUB_API_URL").replace(/\/+$/, "");
  const prefix = need("JUPYTERHUB_SERVICE_PREFIX").replace(/\/*$/, "/");
  const serviceUrl = new URL(need("JUPYTERHUB_SERVICE_URL"));
  const baseUrl = (env.JUPYTERHUB_BASE_URL || "/").replace(/\/*$/, "/");
  return {
    apiUrl,
    apiToken: need("JUPYTERHUB_API_TOKEN"),
    clientId: need("JUPYTERHUB_CLIENT_ID"),
    prefix,
    callbackUrl: env.JUPYTERHUB_OAUTH_CALLBACK_URL || `${prefix}oauth_callback`,
    authorizeUrl: `${env.JUPYTERHUB_HOST ?? ""}${baseUrl}hub/api/oauth2/authorize`,
    accessScopes: env.JUPYTERHUB_OAUTH_ACCESS_SCOPES ? (JSON.parse(env.JUPYTERHUB_OAUTH_ACCESS_SCOPES) as string[]) : [`access:services!service=${env.JUPYTERHUB_SERVICE_NAME ?? "pmxlab"}`],
    publicUrl: need("PMXLAB_HUB_PUBLIC_URL").replace(/\/+$/, ""),
    instructorGroup: env.PMXLAB_HUB_INSTRUCTOR_GROUP || "instructors",
    studentGroup: env.PMXLAB_HUB_STUDENT_GROUP || "students",
    port: Number(serviceUrl.port) || 80,
    host: serviceUrl.hostname.replace(/^\[|\]$/g, ""),
  };
}

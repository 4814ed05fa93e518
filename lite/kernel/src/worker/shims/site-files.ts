// Synchronous reads of the site's files for the Node-style shims (fs, @pmxlab/kernel/node), which
// course code calls synchronously: a synchronous XMLHttpRequest, allowed in workers. They read the
// files as the site serves them (`files/…`), not copies edited in the browser (those are reached
// asynchronously, through the contents drive, by imports of local modules).

let filesUrl = "";
let cwd = "";

/** Sets where the site's files are served and the notebook's folder (relative paths start there). */
export function configureSiteFiles(options: { filesUrl: string; cwd: string }): void {
  filesUrl = options.filesUrl.endsWith("/") ? options.filesUrl : `${options.filesUrl}/`;
  cwd = options.cwd;
}

/** The notebook's folder, relative to the top of the site's files ("" at the top). */
export function siteCwd(): string {
  return cwd;
}

/** `path` (relative to the notebook's folder, or absolute from the top of the site's files) as a path from the top. */
export function sitePath(path: string): string {
  const parts: string[] = [];
  for (const segment of `${path.startsWith("/") ? "" : cwd}/${path}`.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return parts.join("/");
}

function request(method: "GET" | "HEAD", path: string): XMLHttpRequest {
  const xhr = new XMLHttpRequest();
  xhr.open(method, filesUrl + sitePath(path).split("/").map(encodeURIComponent).join("/"), false);
  xhr.send();
  return xhr;
}

/** The text of a file of the site; an error naming the file (as Node's ENOENT) when there is none. */
export function readSiteFile(path: string): string {
  const xhr = request("GET", path);
  if (xhr.status !== 200) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}' (looked for ${sitePath(path)} among the site's files)`), { code: "ENOENT" });
  return xhr.responseText;
}

/** Whether the site has file `path`. */
export function siteFileExists(path: string): boolean {
  return request("HEAD", path).status === 200;
}

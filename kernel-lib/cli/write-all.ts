import { writeSync } from "node:fs";

/** Writes all of `text` into the open file `fd` (`writeSync` of bytes may write part of them). */
export function writeAll(fd: number, text: string | Uint8Array): void {
  if (typeof text === "string") {
    writeSync(fd, text);
    return;
  }
  for (let at = 0; at < text.length; ) at += writeSync(fd, text, at, text.length - at);
}

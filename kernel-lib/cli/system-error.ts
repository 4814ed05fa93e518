/** "no space left on device" from Node's "ENOSPC: no space left on device, write". */
export function systemMessage(error: Error): string {
  return error.message.replace(/^[A-Z0-9_]+: /, "").replace(/, \w+( '.*')?$/, "");
}

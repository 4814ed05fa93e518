// The kernel's logo in the launcher: "TS" on blue, as a data URL (no file to serve).
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="8" fill="#3178c6"/><text x="32" y="44" font-family="sans-serif" font-size="30" font-weight="bold" fill="#fff" text-anchor="middle">TS</text></svg>`;

export const KERNEL_LOGO = `data:image/svg+xml;base64,${btoa(SVG)}`;

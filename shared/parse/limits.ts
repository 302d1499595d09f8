/** Sources larger than this many bytes are refused unless `ParseOptions.maxBytes` says otherwise (2 MB). */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Deepest element nesting accepted in HTML. Real pages nest a few dozen levels; the HTML tokenizers keep
 * their open-element stacks in ways that cost O(depth²), so a pathological document is refused up front
 * instead of burning seconds of CPU. Everything below this depth is walked iteratively (no recursion).
 */
export const MAX_HTML_DEPTH = 10_000;

/** "3.1 MB", "512 KB", "70 bytes": sizes the way an editor reads them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${trimDecimal(bytes / 1024)} KB`;
  return `${trimDecimal(bytes / (1024 * 1024))} MB`;
}

function trimDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

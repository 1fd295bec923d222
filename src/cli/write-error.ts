/**
 * Failures to write output (a figure file, or stdout itself) in plain words, for the one line the
 * command prints before it exits with status 2.
 */

const WORDS: Readonly<Record<string, string>> = {
  EISDIR: "it is a directory",
  ENOENT: "its directory does not exist",
  ENOTDIR: "a part of its path is not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  EFBIG: "the file is too large",
  EIO: "an input/output error",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  EBADF: "it is closed",
};

/**
 * Why writing failed, in words, with the system's code: `no space left on the device (ENOSPC)`.
 *
 * @example
 * ```ts
 * describeWriteError(Object.assign(new Error("EISDIR: illegal operation"), { code: "EISDIR" }));
 * // "it is a directory (EISDIR)"
 * ```
 */
export function describeWriteError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return "the write failed";
  return `${Object.prototype.hasOwnProperty.call(WORDS, code) ? WORDS[code] : "the write failed"} (${code})`;
}

import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { CliError } from "./errors";

/** Largest artefact file read, in bytes. */
export const MAX_ARTEFACT_BYTES = 20 << 20;

/**
 * Reads an artefact file's text, size-capped (20 MiB).
 * @param path the file
 * @returns its UTF-8 text
 * @throws {CliError} exit code 1 when the file is missing, not a file or too large
 * @example readTextFile("models/policy.json").startsWith("{") // => true
 */
export function readTextFile(path: string): string {
  const name = basename(path);
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CliError(`${name}: not a file`);
    if (st.size > MAX_ARTEFACT_BYTES) throw new CliError(`${name}: larger than ${MAX_ARTEFACT_BYTES >> 20} MiB`);
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${name}: file not found or unreadable`);
  }
}

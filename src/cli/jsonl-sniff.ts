import { closeSync, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { CliError } from "./errors";

/** Bytes read from the start of a JSONL input to tell a CSV file given by mistake. */
const SNIFF_BYTES = 64 << 10;

/**
 * Whether a file's first lines look like CSV rather than JSON Lines: the first two non-blank lines
 * do not start with `{` or `[`, and the first holds a delimiter (`,`, `;`, tab or `|`).
 * @param head the start of the file
 * @returns true when it looks like CSV
 * @example looksLikeCsv("id,age,income\n1,30,5000\n") // => true
 */
export function looksLikeCsv(head: string): boolean {
  const lines = head
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(0, 2);
  if (lines.length === 0) return false;
  if (lines.some((l) => l.startsWith("{") || l.startsWith("["))) return false;
  return /[,;\t|]/.test(lines[0]!);
}

/**
 * Stops a JSONL command given a CSV file with one clear error, instead of one error record per line.
 * @param path the input file
 * @param command the command's name and what to use instead, for the message
 * @throws {CliError} exit code 1 when the file looks like CSV (no value from it in the message)
 * @example refuseCsvInput("fixtures/applicants.jsonl", "score") // => undefined (JSON Lines: nothing to say)
 */
export function refuseCsvInput(path: string, command: string): void {
  let head = "";
  try {
    const fd = openSync(path, "r");
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      head = buf.subarray(0, readSync(fd, buf, 0, SNIFF_BYTES, 0)).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // unreadable: the command's own reader reports it
  }
  if (looksLikeCsv(head))
    throw new CliError(
      `${basename(path)}: looks like a CSV file, but ${command} reads JSON Lines (one applicant JSON object per line); to score a CSV with a scorecard use riskcard apply --model CARD DATA.csv`,
    );
}

import { StringDecoder } from "node:string_decoder";
import { MAX_LINE } from "./score-line";

/** One line of a JSONL file: its 1-based number and text (`null` when it was too long to keep). */
export interface NumberedLine {
  readonly line: number;
  readonly text: string | null;
}

/**
 * Splits a byte stream into lines (LF or CRLF), pulling chunks only as they are consumed, so a
 * file of any size is read in constant memory. Blank lines are skipped (but counted); a line
 * longer than `MAX_LINE` characters is not kept (its `text` is null).
 * @param chunks the byte chunks (e.g. a `fs.ReadStream`)
 * @param onBytes called with each chunk's byte length (for progress)
 * @returns the lines
 * @example const out = []; for await (const l of jsonLines([Buffer.from('{"a":1}\r\n\n{"b":2}')])) out.push(l); out // => [{ line: 1, text: '{"a":1}' }, { line: 3, text: '{"b":2}' }]
 */
export async function* jsonLines(
  chunks: AsyncIterable<Buffer | string>,
  onBytes?: (n: number) => void,
): AsyncGenerator<NumberedLine> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let oversize = false;
  let line = 0;
  for await (const chunk of chunks) {
    onBytes?.(chunk.length);
    const text = carry + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      line++;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (oversize || nl - start > MAX_LINE) yield { line, text: null };
      else if (end > start && text.slice(start, end).trim() !== "") yield { line, text: text.slice(start, end) };
      oversize = false;
      start = nl + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE) {
      oversize = true;
      carry = "";
    }
  }
  carry += decoder.end();
  if (oversize) yield { line: line + 1, text: null };
  else if (carry.trim() !== "") yield { line: line + 1, text: carry.endsWith("\r") ? carry.slice(0, -1) : carry };
}

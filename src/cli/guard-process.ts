import { EXIT } from "./errors";

/** The parts of `process` the guard uses (a narrow type, so tests can pass a stand-in). */
export interface GuardedProcess {
  readonly stdout: { on(event: "error", listener: (e: Error) => void): unknown };
  readonly stderr: {
    on(event: "error", listener: (e: Error) => void): unknown;
    write(text: string): boolean;
  };
  on(event: "uncaughtException" | "unhandledRejection", listener: (e: unknown) => void): unknown;
  exit(code: number): never;
}

/**
 * Makes the command line's promises hold for the whole process, whatever happens outside `run`'s
 * own error handling: a closed stdout (`riskcard score ... | head -1`: EPIPE) ends the run quietly
 * with exit code 0, since the reader has all it wanted; another error on stdout (a full disk) is
 * one line on stderr and exit code 1; an uncaught exception or unhandled rejection is one line (the
 * error's class name, never its message or stack, which may quote input) and exit code 3. Errors on stderr
 * itself are ignored: there is nowhere left to report them.
 * @param proc the process (`process`)
 * @returns nothing; installs listeners
 * @example guardProcess(process) // then `riskcard score big.jsonl | head -1` exits 0 without a stack trace
 */
export function guardProcess(proc: GuardedProcess): void {
  const stop = (line: string, code: number): never => {
    try {
      proc.stderr.write(`riskcard: ${line}\n`);
    } catch {
      // stderr is gone too
    }
    return proc.exit(code);
  };
  const internal = (e: unknown): never =>
    stop(`internal error (${e instanceof Error ? e.name : "error"}); please report it`, EXIT.internal);
  proc.stdout.on("error", (e) => {
    const code = (e as { code?: string }).code;
    if (code === "EPIPE") return proc.exit(EXIT.ok);
    stop(`cannot write to standard output (${code ?? e.name})`, EXIT.data);
  });
  proc.stderr.on("error", () => {});
  proc.on("uncaughtException", internal);
  proc.on("unhandledRejection", internal);
}

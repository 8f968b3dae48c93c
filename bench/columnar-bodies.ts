import { createEngine, stringifyDecision } from "../src/index";
import type { AnyFormApplicant } from "../src/schema/applicant";
import { parseApplicant } from "../src/schema/parse";
import { toColumnar } from "../src/schema/transpose";
import { BASE_AS_OF, syntheticApplicant } from "../test/features/arbitraries";

/** The bodies, handler and parsed applicants that bench/columnar.bench.ts and bench/columnar-cpu.ts measure. */
export interface ColumnarBodies {
  readonly rowBodies: readonly string[];
  readonly colBodies: readonly string[];
  readonly rowParsed: readonly AnyFormApplicant[];
  readonly colParsed: readonly AnyFormApplicant[];
  readonly engine: ReturnType<typeof createEngine>;
  readonly asOf: number;
  /** The request a server handles: body text in, response text out. */
  readonly handle: (body: string) => string;
}

/**
 * `n` SYNTHETIC applicants with `payments` payment events each (`syntheticApplicant`, seeds 1..n), as
 * row-wise and columnar JSON bodies of the same data; the handler writes the decision with
 * stringifyDecision (the serializer the server path ships: bench/http.ts, `riskcard score`), the same
 * for both bodies. Checks once that both bodies give the same text, and that it is the text
 * JSON.stringify writes (the tests check both on every fixture).
 * @param n how many bodies of each form
 * @param payments payment events per applicant
 * @returns the bodies, the default engine, the handler and the applicants parsed beforehand
 * @throws Error when a body does not parse or the texts differ
 */
export function columnarBodies(n: number, payments: number): ColumnarBodies {
  const applicants = Array.from({ length: n }, (_, s) => syntheticApplicant(payments, s + 1));
  const rowBodies = applicants.map((a) => JSON.stringify(a));
  const colBodies = applicants.map((a) => JSON.stringify(toColumnar(a)));
  const engine = createEngine();
  const asOf = BASE_AS_OF;
  const handle = (body: string): string => {
    const r = parseApplicant(JSON.parse(body));
    return r.ok ? stringifyDecision(engine.decide(r.value, { asOf })) : JSON.stringify(r.issues);
  };
  const parsed = (bodies: readonly string[]) =>
    bodies.map((body) => {
      const r = parseApplicant(JSON.parse(body));
      if (!r.ok) throw new Error("a SYNTHETIC body did not parse");
      return r.value;
    });
  const rowParsed = parsed(rowBodies);
  const colParsed = parsed(colBodies);
  for (let b = 0; b < n; b++) {
    const text = handle(rowBodies[b]!);
    if (text !== handle(colBodies[b]!)) throw new Error("columnar body decides differently");
    if (text !== JSON.stringify(engine.decide(rowParsed[b]!, { asOf }))) throw new Error("the texts differ");
  }
  return { rowBodies, colBodies, rowParsed, colParsed, engine, asOf, handle };
}

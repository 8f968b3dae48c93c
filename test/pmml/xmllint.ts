import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The PMML 4.4 XML Schema: RISKCARD_PMML_XSD, else `pmml/pmml-4-4.xsd` beside the datasets folder
 * (RISKCARD_DATA_DIR, default ../shared/datasets, as CI sets it).
 */
export function pmmlXsd(): string {
  const explicit = process.env.RISKCARD_PMML_XSD;
  if (explicit !== undefined) return explicit;
  const data = process.env.RISKCARD_DATA_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "datasets");
  return join(data, "..", "pmml", "pmml-4-4.xsd");
}

/**
 * Validates documents with `xmllint --noout --schema` (Debian libxml2-utils). Throws, failing the
 * test, when the schema or xmllint is absent or a document is invalid: validation is never skipped.
 * @returns xmllint's report (one "validates" line per document)
 */
export function xmllintValidate(docs: readonly { name: string; xml: string }[]): string {
  const xsd = pmmlXsd();
  if (!existsSync(xsd)) throw new Error(`PMML schema not found at ${xsd} (set RISKCARD_PMML_XSD or RISKCARD_DATA_DIR)`);
  const dir = mkdtempSync(join(tmpdir(), "riskcard-pmml-"));
  try {
    const files = docs.map((d) => {
      const f = join(dir, `${d.name}.pmml`);
      writeFileSync(f, d.xml);
      return f;
    });
    try {
      return execFileSync("xmllint", ["--noout", "--schema", xsd, ...files], { encoding: "utf8", stdio: "pipe" }) + "";
    } catch (e) {
      const err = e as { code?: string; stderr?: string; status?: number };
      if (err.code === "ENOENT") throw new Error("xmllint is not installed (apt-get install -y libxml2-utils)");
      throw new Error(`xmllint rejected a document:\n${err.stderr ?? ""}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

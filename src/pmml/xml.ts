/**
 * A small, strict XML reader for PMML documents on top of saxes: well-formedness checked by the
 * parser, namespaces resolved, no DTD (a DOCTYPE is refused, so no entity can be declared and no
 * external entity fetched), and caps on text size, element count and nesting depth. Returns a plain
 * element tree whose elements carry their path for issues. Internal to riskcard/pmml.
 */
import { SaxesParser } from "saxes";
import { type Issue, type IssuePath, type Result, fail, issue, ok } from "../schema/result";

/** Limits on an untrusted XML document. */
export const XML_LIMITS = Object.freeze({ maxChars: 5_000_000, maxElements: 200_000, maxDepth: 64 });

/** One element: local name, namespace, attributes by local name, children, text, and its path. */
export interface XmlElement {
  readonly name: string;
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  /** Element names from the root with the index among same-named siblings: `["Scorecard", 0, "Characteristics", 0, ...]`. */
  readonly path: IssuePath;
}

class Stop extends Error {
  constructor(readonly problem: Issue) {
    super(problem.message);
  }
}

/**
 * Parses an XML document into an element tree.
 * @param text the document
 * @returns the root element, or issues (`too_big`, `too_complex`, `invalid_format`) that never quote the document
 */
export function parseXml(text: string): Result<XmlElement> {
  if (typeof text !== "string") return fail([issue("invalid_type", [], "expected the PMML document as a string")]);
  if (text.length > XML_LIMITS.maxChars)
    return fail([issue("too_big", [], `document longer than ${XML_LIMITS.maxChars} characters`)]);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  parser.on("doctype", () => {
    throw new Stop(issue("invalid_format", [], "a DOCTYPE is not accepted (no DTDs or entity declarations)"));
  });
  parser.on("opentag", (tag) => {
    if (++elements > XML_LIMITS.maxElements)
      throw new Stop(issue("too_big", [], `more than ${XML_LIMITS.maxElements} elements`));
    if (stack.length >= XML_LIMITS.maxDepth)
      throw new Stop(issue("too_complex", [], `elements nested deeper than ${XML_LIMITS.maxDepth} levels`));
    const attrs: Record<string, string> = Object.create(null);
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns" || a.uri !== "") continue;
      attrs[a.local] = a.value;
    }
    const parent = stack[stack.length - 1];
    const local = tag.local;
    const index = parent === undefined ? 0 : parent.children.filter((c) => c.name === local).length;
    const el: XmlElement = {
      name: local,
      ns: tag.uri,
      attrs,
      children: [],
      text: "",
      path: parent === undefined ? [local] : [...parent.path, local, index],
    };
    if (parent === undefined) root = el;
    else parent.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Stop) return fail([e.problem]);
    return fail([
      issue("invalid_format", [], `not well-formed XML near line ${parser.line}, column ${parser.column + 1}`),
    ]);
  }
  if (root === null) return fail([issue("invalid_format", [], "no root element")]);
  return ok(root);
}

/**
 * The child elements with a local name, skipping `Extension` elements everywhere (PMML extensions
 * are vendor annotations that do not change a model's meaning).
 */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

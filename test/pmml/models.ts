/**
 * PMML test documents, written for riskcard (not copied): each re-creates the model of a public
 * test so that the published expected values apply. Origins and licences:
 * - The DMG "Sample scorecard" (PMML specification, www.dmg.org), used by jpmml/jpmml-evaluator in
 *   pmml-evaluator/src/test/resources/pmml/scorecard/{CharacteristicReasonCodeTest,
 *   AttributeReasonCodeTest,ComplexPartialScoreTest}.pmml (jpmml-evaluator is AGPL-3.0, so its
 *   files are not copied: these documents restate the models in PMML 4.4 in our own layout).
 * - apache/incubator-kie-drools kie-pmml-trusty scorecard tests (Apache-2.0):
 *   CompoundPredicateScorecard, CompoundNestedPredicateScorecard, BasicComplexPartialScore
 *   (restated likewise).
 */

const head = (fields: string, model: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
  <Header description="riskcard test model"/>
  <DataDictionary>
${fields}
  </DataDictionary>
${model}
</PMML>
`;

const sampleFields = `    <DataField name="department" optype="categorical" dataType="string"/>
    <DataField name="age" optype="continuous" dataType="integer"/>
    <DataField name="income" optype="continuous" dataType="double"/>
    <DataField name="overallScore" optype="continuous" dataType="double"/>`;

const sampleSchema = `    <MiningSchema>
      <MiningField name="department" invalidValueTreatment="asMissing"/>
      <MiningField name="age" invalidValueTreatment="asMissing"/>
      <MiningField name="income" invalidValueTreatment="asMissing"/>
      <MiningField name="overallScore" usageType="target"/>
    </MiningSchema>`;

const sp = (field: string, op: string, value?: string | number): string =>
  `<SimplePredicate field="${field}" operator="${op}"${value === undefined ? "" : ` value="${value}"`}/>`;
const range = (field: string, lo: number, hi: number): string =>
  `<CompoundPredicate booleanOperator="and">${sp(field, "greaterThan", lo)}${sp(field, "lessOrEqual", hi)}</CompoundPredicate>`;
const attr = (score: number, pred: string, code?: string): string =>
  `        <Attribute partialScore="${score}"${code === undefined ? "" : ` reasonCode="${code}"`}>${pred}</Attribute>`;

/**
 * A Scorecard element with reason codes and baselineMethod "other": its opening attributes after the
 * model name, its MiningSchema, and its characteristics.
 */
const scorecard = (model: string, attrs: string, miningSchema: string, characteristics: string): string =>
  `  <Scorecard modelName="${model}" functionName="regression" useReasonCodes="true" ${attrs} baselineMethod="other">
${miningSchema}
    <Characteristics>
${characteristics}
    </Characteristics>
  </Scorecard>`;

/** The sample scorecard's department attributes (the partial scores of the DMG example). */
const departmentAttrs = `${attr(-9, sp("department", "isMissing"))}
${attr(19, sp("department", "equal", "marketing"))}
${attr(3, sp("department", "equal", "engineering"))}
${attr(6, sp("department", "equal", "business"))}`;

/** The sample scorecard's age characteristic; `code(i)` gives attribute i (1..5) its own reason code. */
const ageScore = (code: (i: number) => string | undefined): string =>
  `      <Characteristic name="ageScore" reasonCode="RC2" baselineScore="18">
${attr(-1, sp("age", "isMissing"), code(1))}
${attr(-3, sp("age", "lessOrEqual", 18), code(2))}
${attr(0, range("age", 18, 29), code(3))}
${attr(12, range("age", 29, 39), code(4))}
${attr(18, sp("age", "greaterThan", 39), code(5))}
      </Characteristic>`;

/** The DMG sample scorecard; `attributeCodes` gives the age attributes codes RC2_1..RC2_5. */
export function sampleScorecard(attributeCodes = false): string {
  return head(
    sampleFields,
    scorecard(
      "SampleScorecard",
      'reasonCodeAlgorithm="pointsBelow" initialScore="0"',
      sampleSchema,
      `      <Characteristic name="departmentScore" reasonCode="RC1" baselineScore="19">
${departmentAttrs}
      </Characteristic>
${ageScore((i) => (attributeCodes ? `RC2_${i}` : undefined))}
      <Characteristic name="incomeScore" reasonCode="RC3" baselineScore="10">
${attr(5, sp("income", "isMissing"))}
${attr(26, sp("income", "lessOrEqual", 1000))}
${attr(5, range("income", 1000, 2500))}
${attr(-3, sp("income", "greaterThan", 2500))}
      </Characteristic>`,
    ),
  );
}

/** The sample scorecard with ComplexPartialScore on income (jpmml ComplexPartialScoreTest). */
export function complexPartialScore(): string {
  return head(
    sampleFields,
    scorecard(
      "SampleScorecard",
      'initialScore="0"',
      sampleSchema,
      `      <Characteristic name="departmentScore" reasonCode="RC1" baselineScore="19">
${departmentAttrs}
${attr(0, "<True/>")}
      </Characteristic>
${ageScore(() => undefined)}
      <Characteristic name="incomeScore" reasonCode="RC3" baselineScore="10">
${attr(3, sp("income", "isMissing"))}
        <Attribute>${sp("income", "lessOrEqual", 1000)}
          <ComplexPartialScore><Apply function="+"><Apply function="*"><Constant>0.03</Constant><FieldRef field="income"/></Apply><Constant>11</Constant></Apply></ComplexPartialScore>
        </Attribute>
${attr(5, range("income", 1000, 1500))}
        <Attribute>${sp("income", "greaterThan", 1500)}
          <ComplexPartialScore><Apply function="-"><Apply function="*"><Constant>0.01</Constant><FieldRef field="income"/></Apply><Constant>18</Constant></Apply></ComplexPartialScore>
        </Attribute>
      </Characteristic>`,
    ),
  );
}

const and = (...p: string[]): string => `<CompoundPredicate booleanOperator="and">${p.join("")}</CompoundPredicate>`;
const or = (...p: string[]): string => `<CompoundPredicate booleanOperator="or">${p.join("")}</CompoundPredicate>`;
const xor = (...p: string[]): string => `<CompoundPredicate booleanOperator="xor">${p.join("")}</CompoundPredicate>`;

/**
 * A drools test document: its input fields (numeric "n" or categorical "c", each an active mining
 * field), the target "score", and a Scorecard with the given reason-code algorithm and initial score.
 */
function droolsCard(
  model: string,
  algorithm: "pointsAbove" | "pointsBelow",
  initialScore: number,
  fields: [string, "c" | "n"][],
  characteristics: string,
): string {
  const dataFields = fields
    .map(([n, t]) =>
      t === "n"
        ? `    <DataField name="${n}" optype="continuous" dataType="double"/>`
        : `    <DataField name="${n}" optype="categorical" dataType="string"/>`,
    )
    .concat(['    <DataField name="score" optype="continuous" dataType="double"/>'])
    .join("\n");
  const miningSchema = `    <MiningSchema>\n${fields.map(([n]) => `      <MiningField name="${n}" usageType="active" invalidValueTreatment="asMissing"/>`).join("\n")}\n      <MiningField name="score" usageType="target"/>\n    </MiningSchema>`;
  const attrs = `reasonCodeAlgorithm="${algorithm}" initialScore="${initialScore}"`;
  return head(dataFields, scorecard(model, attrs, miningSchema, characteristics));
}

/** drools CompoundPredicateScorecard: and/or/xor across fields, True and False, pointsAbove. */
export function compoundPredicate(): string {
  return droolsCard(
    "CompoundPredicateScorecard",
    "pointsAbove",
    -15,
    [
      ["input1", "n"],
      ["input2", "n"],
      ["input3", "c"],
      ["input4", "c"],
    ],
    `      <Characteristic name="characteristic1Score" baselineScore="-5.5" reasonCode="characteristic1ReasonCode">
${attr(-10, and(sp("input1", "lessOrEqual", -5), sp("input2", "lessOrEqual", -5)))}
${attr(15, and(sp("input1", "greaterThan", -5), sp("input2", "greaterThan", -5)))}
${attr(25, "<True/>")}
      </Characteristic>
      <Characteristic name="characteristic2Score" baselineScore="11" reasonCode="characteristic2ReasonCode">
${attr(-18, or(sp("input3", "equal", "classA"), sp("input4", "equal", "classA")))}
${attr(10, or(sp("input3", "equal", "classB"), sp("input4", "equal", "classB")))}
${attr(100.5, "<False/>")}
${attr(105.5, "<True/>")}
      </Characteristic>
      <Characteristic name="characteristic3Score" baselineScore="25" reasonCode="characteristic3ReasonCode">
${attr(-50, xor(sp("input3", "equal", "classA"), sp("input4", "equal", "classA")))}
${attr(150, "<True/>")}
      </Characteristic>`,
  );
}

/** drools CompoundNestedPredicateScorecard: nested and/or with True inside, notEqual. */
export function compoundNestedPredicate(): string {
  return droolsCard(
    "CompoundNestedPredicateScorecard",
    "pointsBelow",
    -15,
    [
      ["input1", "n"],
      ["input2", "c"],
    ],
    `      <Characteristic name="characteristic1Score" baselineScore="21.8" reasonCode="characteristic1ReasonCode">
${attr(-10.5, and(and("<True/>", sp("input1", "greaterThan", -15), sp("input1", "lessOrEqual", 25.4)), sp("input2", "notEqual", "classA")))}
${attr(25, "<True/>")}
      </Characteristic>
      <Characteristic name="characteristic2Score" baselineScore="11" reasonCode="characteristic2ReasonCode">
${attr(-18, or(sp("input1", "lessOrEqual", -20), sp("input2", "equal", "classA")))}
${attr(10, or(and(and(sp("input1", "greaterOrEqual", 5), sp("input1", "lessThan", 12)), sp("input2", "equal", "classB")), sp("input2", "equal", "classC")))}
${attr(100.5, "<True/>")}
      </Characteristic>`,
  );
}

/** drools BasicComplexPartialScore: points expressions over two fields. */
export function basicComplexPartialScore(): string {
  return droolsCard(
    "BasicComplexPartialScore",
    "pointsBelow",
    10,
    [
      ["input1", "n"],
      ["input2", "n"],
    ],
    `      <Characteristic name="characteristic1Score" baselineScore="20" reasonCode="characteristic1ReasonCode">
        <Attribute>${sp("input1", "greaterThan", -1000)}<ComplexPartialScore><Apply function="+"><FieldRef field="input1"/><FieldRef field="input2"/></Apply></ComplexPartialScore></Attribute>
${attr(25, "<True/>")}
      </Characteristic>
      <Characteristic name="characteristic2Score" baselineScore="5" reasonCode="characteristic2ReasonCode">
        <Attribute>${sp("input2", "lessOrEqual", 1000)}<ComplexPartialScore><Apply function="*"><FieldRef field="input1"/><FieldRef field="input2"/></Apply></ComplexPartialScore></Attribute>
${attr(-50, "<True/>")}
      </Characteristic>`,
  );
}

/** Wraps characteristics (and their fields) in a minimal scorecard document, for refusal tests. */
export function wrap(fields: string, characteristics: string, scorecardAttrs = "", miningFields = ""): string {
  return head(
    fields,
    `  <Scorecard functionName="regression" baselineScore="0"${scorecardAttrs}>
    <MiningSchema>${miningFields}</MiningSchema>
    <Characteristics>
${characteristics}
    </Characteristics>
  </Scorecard>`,
  );
}

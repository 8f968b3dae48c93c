/**
 * The PMML sample scorecard transcribed into a riskcard artefact.
 *
 * Source: jpmml/jpmml-evaluator, pmml-evaluator/src/test/resources/pmml/scorecard/
 * CharacteristicReasonCodeTest.pmml (commit 5096798062714835998145f679bcbbe363a21d70), the
 * "Sample scorecard" of the DMG PMML Scorecard specification (copyright www.dmg.org). Intervals
 * are `greaterThan lower and lessOrEqual upper`, i.e. right-closed. Every MiningField has
 * invalidValueTreatment="asMissing", so a value in no attribute scores like a missing value: the
 * fallback points equal the isMissing attribute's points. The attribute-level variant
 * (AttributeReasonCodeTest.pmml) gives age attributes the codes RC2_1..RC2_5.
 */
export function pmmlSample(attributeCodes = false): Record<string, unknown> {
  const ageCode = (i: number) => (attributeCodes ? { reasonCode: `RC2_${i}` } : {});
  return {
    format: "riskcard.scorecard",
    version: 1,
    name: "SampleScorecard",
    description: "PMML specification sample scorecard (via jpmml-evaluator test resources)",
    scaling: null,
    rounding: "none",
    base: "separate",
    basePoints: 0,
    characteristics: [
      {
        name: "departmentScore",
        feature: "department",
        type: "categorical",
        levels: ["marketing", "engineering", "business"],
        reasonCode: "RC1",
        baselineScore: 19,
        attributes: [
          { kind: "missing", points: -9 },
          { kind: "categories", categories: ["marketing"], points: 19 },
          { kind: "categories", categories: ["engineering"], points: 3 },
          { kind: "categories", categories: ["business"], points: 6 },
        ],
        fallback: { points: -9 },
      },
      {
        name: "ageScore",
        feature: "age",
        type: "numeric",
        closure: "right",
        reasonCode: "RC2",
        baselineScore: 18,
        attributes: [
          { kind: "missing", points: -1, ...ageCode(1) },
          { kind: "interval", lower: null, upper: 18, points: -3, ...ageCode(2) },
          { kind: "interval", lower: 18, upper: 29, points: 0, ...ageCode(3) },
          { kind: "interval", lower: 29, upper: 39, points: 12, ...ageCode(4) },
          { kind: "interval", lower: 39, upper: null, points: 18, ...ageCode(5) },
        ],
        fallback: { points: -1, ...ageCode(1) },
      },
      {
        name: "incomeScore",
        feature: "income",
        type: "numeric",
        closure: "right",
        reasonCode: "RC3",
        baselineScore: 10,
        attributes: [
          { kind: "missing", points: 5 },
          { kind: "interval", lower: null, upper: 1000, points: 26 },
          { kind: "interval", lower: 1000, upper: 2500, points: 5 },
          { kind: "interval", lower: 2500, upper: null, points: -3 },
        ],
        fallback: { points: 5 },
      },
    ],
  };
}

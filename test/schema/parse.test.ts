import { describe, expect, it } from "vitest";
import { RiskcardError, applicantJsonSchema, parseApplicant, parseApplicantOrThrow } from "../../src/index";
import { applicantSchema } from "../../src/schema/applicant";
import { adult } from "../decision/helpers";

describe("parseApplicant", () => {
  it("accepts a complete applicant and a minimal one (identity and consent only)", () => {
    expect(parseApplicant(adult()).ok).toBe(true);
    expect(
      parseApplicant({
        id: "m",
        identity: { ageYears: 30, realNameVerified: true, idVerified: true, phoneVerified: false },
        consent: { creditBureauQuery: true },
      }).ok,
    ).toBe(true);
  });

  it("reports closed codes with paths (whole payload)", () => {
    const a = adult() as unknown as Record<string, any>;
    a.identity.declaredMonthlyIncomeFen = -5;
    a.identity.idVerified = "yes";
    a.payments[0].amountFen = 10.5;
    a.payments[1].channel = "casino";
    a.payments[2].at = Number.POSITIVE_INFINITY;
    a.social.extra = 1;
    delete a.consent;
    const r = parseApplicant(a);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_type",
            "message": "expected boolean",
            "path": [
              "identity",
              "idVerified",
            ],
          },
          {
            "code": "too_small",
            "message": "must be >= 0",
            "path": [
              "identity",
              "declaredMonthlyIncomeFen",
            ],
          },
          {
            "code": "missing",
            "message": "required",
            "path": [
              "consent",
            ],
          },
          {
            "code": "not_integer",
            "message": "must be an integer",
            "path": [
              "payments",
              0,
              "amountFen",
            ],
          },
          {
            "code": "invalid_enum",
            "message": "not one of the allowed values",
            "path": [
              "payments",
              1,
              "channel",
            ],
          },
          {
            "code": "not_finite",
            "message": "must be a finite number",
            "path": [
              "payments",
              2,
              "at",
            ],
          },
          {
            "code": "unrecognized_key",
            "message": "unknown key",
            "path": [
              "social",
              "extra",
            ],
          },
        ]
      `);
    }
  });

  it("never echoes input values in issues or error messages", () => {
    const secret = "ZHANG SAN 110101199003071234";
    const a = adult() as unknown as Record<string, any>;
    a.id = secret;
    a.identity.birthDate = secret;
    a.identity.cityCode = secret;
    a.payments[0].counterparty = secret;
    a.payments[1].amountFen = secret;
    const r = parseApplicant(a);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain("ZHANG");
    expect(JSON.stringify(r)).not.toContain("110101");
    try {
      parseApplicantOrThrow(a);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RiskcardError);
      expect((e as Error).message).not.toContain("ZHANG");
      expect((e as RiskcardError).issues).toEqual(r.ok ? [] : r.issues);
    }
  });

  it("rejects prototype-polluting keys", () => {
    const r = parseApplicant(
      JSON.parse(
        `{"id":"x","__proto__":{"admin":true},"identity":{"ageYears":30,"realNameVerified":true,"idVerified":true,"phoneVerified":true},"consent":{"creditBureauQuery":true}}`,
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "forbidden_key", path: ["__proto__"] });
  });

  it("needs a birth date or an age, and the birth date must exist", () => {
    const a = adult() as unknown as Record<string, any>;
    delete a.identity.birthDate;
    expect(parseApplicant(a).ok).toBe(false);
    a.identity.birthDate = "2001-02-29"; // 2001 is not a leap year
    const r = parseApplicant(a);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "invalid_format", path: ["identity", "birthDate"] });
    a.identity.birthDate = "2000-02-29"; // 2000 is
    expect(parseApplicant(a).ok).toBe(true);
  });

  it("exports a JSON Schema that lists every top-level section", () => {
    const s = applicantJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties).sort()).toEqual(Object.keys(applicantSchema.shape).sort());
    expect(s.required.sort()).toEqual(["consent", "id", "identity"]);
  });
});

describe("application.product and application.channel in the JSON Schema export", () => {
  it("are optional codes: 1-32 characters of [A-Za-z0-9_-]", () => {
    const app = (applicantJsonSchema() as any).properties.application;
    for (const k of ["product", "channel"]) {
      expect(app.properties[k]).toMatchObject({
        type: "string",
        minLength: 1,
        maxLength: 32,
        pattern: "^[A-Za-z0-9_-]+$",
      });
      expect(app.required).not.toContain(k);
    }
  });
});

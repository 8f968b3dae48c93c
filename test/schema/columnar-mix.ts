/**
 * Applicants with some event sections in the columnar form and the others in rows, for the tests of
 * the columnar request form (each section independently, loans mixed within one applicant).
 */
import fc from "fast-check";
import type { AnyFormApplicant, Applicant } from "../../src/schema/applicant";
import { toColumnar } from "../../src/schema/transpose";

/**
 * Bits of a form mask: which sections go to columns. `LOANS_ALTERNATE` flips the installments and
 * repayments bits on every odd loan, so one applicant holds loans in different forms.
 */
export const FORM_BITS = Object.freeze({
  payments: 1,
  deviceEvents: 2,
  deviceRecords: 4,
  inquiries: 8,
  accounts: 16,
  delinquencies: 32,
  installments: 64,
  repayments: 128,
  loansAlternate: 256,
});
/** Every section in columns (the full columnar form), loans alike. */
export const ALL_COLUMNS = 255;
/** Any form mask. */
export const formMaskArb = fc.nat(511);

/**
 * The applicant with the sections `mask` names (see `FORM_BITS`) in the columnar form, every other
 * section as it was; built from `toColumnar` (so columns come from the code under test's transposer,
 * whose inverse is tested apart).
 */
export function mixForms(a: Applicant | AnyFormApplicant, mask: number): AnyFormApplicant {
  const c = toColumnar(a) as Record<string, any>;
  const on = (b: number): boolean => (mask & b) !== 0;
  const out: Record<string, any> = { ...a };
  if (on(FORM_BITS.payments) && a.payments !== undefined) out.payments = c.payments;
  if (a.devices !== undefined) {
    const d: Record<string, any> = { ...a.devices };
    if (on(FORM_BITS.deviceEvents)) d.events = c.devices.events;
    if (on(FORM_BITS.deviceRecords) && a.devices.records !== undefined) d.records = c.devices.records;
    out.devices = d;
  }
  if (a.bureau !== undefined) {
    const b: Record<string, any> = { ...a.bureau };
    for (const k of ["inquiries", "accounts", "delinquencies"] as const) if (on(FORM_BITS[k])) b[k] = c.bureau[k];
    out.bureau = b;
  }
  if (a.loans !== undefined)
    out.loans = a.loans.map((l, j) => {
      const flip = on(FORM_BITS.loansAlternate) && j % 2 === 1;
      const cl = c.loans[j];
      return {
        ...l,
        installments: on(FORM_BITS.installments) !== flip ? cl.installments : l.installments,
        repayments: on(FORM_BITS.repayments) !== flip ? cl.repayments : l.repayments,
      };
    });
  return out as AnyFormApplicant;
}

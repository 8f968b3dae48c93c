/**
 * Membership tests for the closed enumerations the event predicates of `valid.ts` check on every
 * element (one `switch` of string compares: cheaper than a `Set` lookup on Node 20 for these short
 * lists). Each must accept exactly the values of its list in `../applicant`; `test/schema/enums.test.ts`
 * checks that against the list and against random strings.
 * @internal
 */

/**
 * Whether `v` is one of `PAYMENT_CHANNELS`. @internal
 * @param v any value
 * @returns true for a payment channel
 * @example [isPaymentChannel("salary"), isPaymentChannel("Salary")] // => [true, false]
 */
export function isPaymentChannel(v: unknown): boolean {
  switch (v) {
    case "merchant":
    case "transfer":
    case "red_packet":
    case "salary":
    case "balance_product":
    case "bill":
    case "refund":
    case "other":
      return true;
    default:
      return false;
  }
}

/**
 * Whether `v` is one of `DEVICE_EVENT_KINDS`. @internal
 * @param v any value
 * @returns true for a device event kind
 * @example [isDeviceEventKind("login"), isDeviceEventKind("logout")] // => [true, false]
 */
export function isDeviceEventKind(v: unknown): boolean {
  switch (v) {
    case "login":
    case "apply":
    case "payment":
    case "password_reset":
    case "profile_change":
    case "phone_change":
      return true;
    default:
      return false;
  }
}

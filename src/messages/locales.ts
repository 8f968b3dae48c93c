/**
 * The locales riskcard has message packs for: English (the default, the texts decisions carry
 * unless asked otherwise) and Simplified Chinese as used in mainland China.
 * @example LOCALES // => ["en", "zh-CN"]
 */
export const LOCALES = ["en", "zh-CN"] as const;
/** A locale with a message pack. */
export type Locale = (typeof LOCALES)[number];

/**
 * The locale used when a call does not choose one.
 * @example DEFAULT_LOCALE // => "en"
 */
export const DEFAULT_LOCALE: Locale = "en";

/**
 * Whether a value names a locale with a message pack (exact match: `"zh-CN"`, not `"zh-cn"`).
 * @param value anything
 * @returns true for `"en"` and `"zh-CN"`
 * @example isLocale("zh-CN") // => true
 */
export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh-CN";
}

/**
 * The reason code a decision gives when a section of the application is absent (not supplied,
 * or not consented), instead of any reason that would describe that section's data.
 * @example ABSENT_SECTION_CODES.bureau // => "NO_BUREAU"
 */
export const ABSENT_SECTION_CODES = Object.freeze({
  bureau: "NO_BUREAU",
  payments: "NO_PAYMENTS",
  social: "NO_SOCIAL",
  devices: "NO_DEVICES",
  loans: "NO_LOAN_HISTORY",
} as const);
/** An applicant section that may be absent, with its `NO_*` code. */
export type AbsentSection = keyof typeof ABSENT_SECTION_CODES;

/**
 * riskcard/messages: the message packs (`en`, `zh-CN`), the one place every stage's codes are
 * looked up in (guards, credit reasons, fraud rules, offer and limit reasons, `NO_*` codes), and
 * the locales `decide` accepts. Imports nothing from riskcard: every layer may use it.
 */
export { ABSENT_SECTION_CODES, DEFAULT_LOCALE, LOCALES, isLocale, type AbsentSection, type Locale } from "./locales";
export { EN } from "./en";
export { ZH_CN } from "./zh-cn";
export { MESSAGE_PACKS, messageFor } from "./message-for";

import type { Scorecard, ScorecardJSON } from "../scorecard";
import { loadScorecard } from "../scorecard";
import { CliError, issuesLine } from "./errors";

/**
 * Leaves out of a points card every characteristic whose attributes and fallback all score 0 (it
 * adds nothing to any score, so every score is unchanged), with its reason entry.
 * @param card the loaded card
 * @param artefact its artefact
 * @returns the card and artefact without them, and the names left out (the inputs themselves when none)
 * @throws {CliError} exit code 3 when the smaller artefact does not load (a bug)
 * @example withoutZeroCharacteristics(germanCard, germanCard.artefact).dropped // => []
 */
export function withoutZeroCharacteristics(
  card: Scorecard,
  artefact: Scorecard["artefact"],
): { card: Scorecard; artefact: Scorecard["artefact"]; dropped: string[] } {
  if (card.kind !== "points" || artefact.format !== "riskcard.scorecard") return { card, artefact, dropped: [] };
  const isZero = (c: Scorecard["characteristics"][number]): boolean =>
    (c.fallback?.points ?? 0) === 0 && c.attributes.every((a) => "points" in a && a.points === 0);
  const dropped = card.characteristics.filter(isZero).map((c) => c.name);
  if (dropped.length === 0 || dropped.length === card.characteristics.length) return { card, artefact, dropped: [] };
  const out = new Set(dropped);
  const codes = new Set(card.characteristics.filter(isZero).map((c) => c.reasonCode));
  const art = artefact as ScorecardJSON & { characteristics: readonly { name: string; reasonCode?: string }[] };
  const kept = art.characteristics.filter((c) => !out.has(c.name));
  const stillUsed = new Set(kept.map((c) => c.reasonCode));
  const reasons = (art as { reasons?: readonly { code: string }[] }).reasons;
  const next = {
    ...art,
    characteristics: kept,
    ...(reasons === undefined ? {} : { reasons: reasons.filter((r) => !codes.has(r.code) || stillUsed.has(r.code)) }),
  } as unknown as ScorecardJSON;
  const r = loadScorecard(next);
  if (!r.ok)
    throw new CliError(`internal: the card without its zero characteristics does not load: ${issuesLine(r.issues)}`, 3);
  return { card: r.value, artefact: next, dropped };
}

/**
 * Which simulcast layer a subscriber receives, from its preference and the layers that arrive.
 * Pure, so every combination of Calls options is unit-tested.
 *
 * - `priorityOrdering: "asciibetical"` ranks rids ascii-betically ("a" first); `"none"` (the default)
 *   keeps the publisher's order, the order of its `a=rid` lines (most preferred first).
 * - When `preferredRid` is not arriving, `ridUnavailableStrategy: "nextPriority"` takes the next
 *   arriving layer after it in that ranking (wrapping round); `"none"` forwards nothing. The older
 *   `ridNotAvailable: "asciibetical"` means the same fallback over an ascii-betical ranking.
 * - With no `preferredRid`, an explicit `priorityOrdering` takes the best-ranked arriving layer;
 *   otherwise the layer with the highest measured bitrate.
 */
import type { SimulcastPreference } from './api-types.js';

export function chooseLayer(
  preference: SimulcastPreference,
  declared: readonly string[],
  available: readonly string[],
  bitrateOf: (rid: string) => number,
): string | undefined {
  if (available.length === 0) return undefined;
  const { preferredRid, priorityOrdering, ridNotAvailable, ridUnavailableStrategy } = preference;
  const asciibetical =
    priorityOrdering === 'asciibetical' ||
    (priorityOrdering === undefined && ridNotAvailable === 'asciibetical');
  const ranking = asciibetical ? [...new Set([...declared, ...available])].sort() : [...declared];
  for (const rid of available) if (!ranking.includes(rid)) ranking.push(rid);
  if (preferredRid === undefined) {
    if (priorityOrdering !== undefined) return ranking.find((rid) => available.includes(rid));
    return highestBitrate(available, bitrateOf);
  }
  if (available.includes(preferredRid)) return preferredRid;
  const fallsBack = ridUnavailableStrategy === 'nextPriority' || ridNotAvailable === 'asciibetical';
  if (!fallsBack) return undefined;
  const ranked =
    asciibetical && !ranking.includes(preferredRid) ? [...ranking, preferredRid].sort() : ranking;
  const start = ranked.indexOf(preferredRid);
  const after = start < 0 ? ranked : [...ranked.slice(start + 1), ...ranked.slice(0, start)];
  return after.find((rid) => available.includes(rid));
}

function highestBitrate(available: readonly string[], bitrateOf: (rid: string) => number): string {
  const measured = available.filter((rid) => bitrateOf(rid) > 0);
  if (measured.length === 0) return [...available].sort()[0];
  return measured.reduce((best, rid) => (bitrateOf(rid) > bitrateOf(best) ? rid : best));
}

/**
 * Paging math for large rooms: how many tiles fit on a page, and an order of participants that
 * stays put when people speak. Pure functions, unit tested in Node.
 */
import { gridLayout } from './layout.js';

/**
 * The page sizes a grid steps through (1×1, 1×2, 2×2, 3×3, 4×4, 5×5 — the tiers LiveKit's grid
 * uses): stepping in whole squares keeps tiles from resizing each time one person joins a full page.
 */
export const PAGE_SIZES: readonly number[] = [1, 2, 4, 9, 16, 25];

/**
 * How many tiles of at least `minTileWidth` pixels (16:9 unless `aspect` says otherwise) one page
 * of a `width` × `height` box shows, for `count` participants. Never less than 1, never more than
 * `count` or the largest tier (25).
 */
export function pageSize(
  count: number,
  width: number,
  height: number,
  minTileWidth: number,
  aspect = 16 / 9,
  gap = 0,
): number {
  if (count <= 0) return 0;
  let fits = 1;
  for (const size of PAGE_SIZES) {
    if (gridLayout(size, width, height, aspect, gap).tileWidth >= minTileWidth) fits = size;
  }
  return Math.min(count, fits);
}

/** How many pages `count` tiles fill, `perPage` at a time (at least 1). */
export function pageCount(count: number, perPage: number): number {
  return perPage > 0 ? Math.max(1, Math.ceil(count / perPage)) : 1;
}

/** `page` kept inside 0 … pages − 1 (after people leave, the last page can disappear). */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), Math.max(0, pages - 1));
}

/**
 * The order tiles are placed in, given the order they were in before: people keep their place,
 * leavers' places close up, newcomers go at the end, and `selfId` is always first (your own tile
 * stays where you expect it, on page 1).
 */
export function stableOrder(
  previous: readonly string[],
  present: readonly string[],
  selfId?: string,
): string[] {
  const here = new Set(present);
  const kept = previous.filter((id) => here.has(id));
  const known = new Set(kept);
  const order = [...kept, ...present.filter((id) => !known.has(id))];
  if (selfId === undefined || !here.has(selfId)) return order;
  return [selfId, ...order.filter((id) => id !== selfId)];
}

/**
 * Brings `speakerId` onto the first page by swapping places with the person on page 1 who spoke
 * longest ago (never `selfId`). Only those two tiles move, so the page does not reshuffle.
 * `lastSpoke` maps a participant to when they last spoke (missing: never).
 */
export function promoteSpeaker(
  order: readonly string[],
  speakerId: string | null | undefined,
  perPage: number,
  lastSpoke: ReadonlyMap<string, number>,
  selfId?: string,
): string[] {
  const from = speakerId ? order.indexOf(speakerId) : -1;
  if (from < perPage || perPage <= 0) return [...order];
  let to = -1;
  for (let index = 0; index < Math.min(perPage, order.length); index++) {
    const id = order[index] as string;
    if (id === selfId) continue;
    if (to === -1 || (lastSpoke.get(id) ?? -1) < (lastSpoke.get(order[to] as string) ?? -1)) to = index;
  }
  if (to === -1) return [...order];
  const swapped = [...order];
  swapped[to] = order[from] as string;
  swapped[from] = order[to] as string;
  return swapped;
}

/** The ids on page `page` (0-based). */
export function pageOf<T>(order: readonly T[], page: number, perPage: number): T[] {
  if (perPage <= 0) return [];
  return order.slice(page * perPage, (page + 1) * perPage);
}

/** Layout math for video grids and simulcast layers: pure functions, unit tested in Node. */

export interface GridLayout {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

/**
 * The grid that gives `count` tiles of aspect ratio `aspect` (width / height) the largest size in a
 * `width` × `height` box, with `gap` pixels between tiles.
 */
export function gridLayout(
  count: number,
  width: number,
  height: number,
  aspect = 16 / 9,
  gap = 0,
): GridLayout {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0 };
  let best: GridLayout = { columns: 1, rows: count, tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    const tileHeight = tileWidth / aspect;
    if (tileWidth > best.tileWidth) best = { columns, rows, tileWidth, tileHeight };
  }
  return {
    ...best,
    tileWidth: Math.floor(best.tileWidth),
    tileHeight: Math.floor(best.tileHeight),
  };
}

export interface SimulcastLayer {
  rid: string;
  /** How much smaller than the captured video this layer is (1 = full size). */
  scaleResolutionDownBy: number;
  maxBitrate: number;
}

/** What a camera publishes by default: full, half and quarter size (rids sort best first). */
export const DEFAULT_SIMULCAST_LAYERS: readonly SimulcastLayer[] = [
  { rid: 'a', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
  { rid: 'b', scaleResolutionDownBy: 2, maxBitrate: 350_000 },
  { rid: 'c', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
];

/**
 * The smallest layer that still looks sharp in a tile `displayWidth` device pixels wide, given the
 * publisher captures `captureWidth` pixels. A layer a quarter narrower than the tile is accepted:
 * upscaling that little is barely visible and halves the bandwidth.
 */
export function chooseLayer(
  displayWidth: number,
  captureWidth: number,
  layers: readonly SimulcastLayer[] = DEFAULT_SIMULCAST_LAYERS,
): string | undefined {
  if (layers.length === 0) return undefined;
  const bySize = [...layers].sort((a, b) => b.scaleResolutionDownBy - a.scaleResolutionDownBy);
  for (const layer of bySize) {
    if (captureWidth / layer.scaleResolutionDownBy >= displayWidth * 0.75) return layer.rid;
  }
  return bySize.at(-1)?.rid;
}

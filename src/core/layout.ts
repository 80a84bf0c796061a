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

/** The send encodings that publish `layers` (what a push passes to partytracks as `sendEncodings$`). */
export function encodingsOf(layers: readonly SimulcastLayer[]): RTCRtpEncodingParameters[] {
  return layers.map(({ rid, scaleResolutionDownBy, maxBitrate }) => ({
    rid,
    scaleResolutionDownBy,
    maxBitrate,
  }));
}

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

/** A compact tile (someone without a camera): at least this wide, and this tall, in CSS pixels. */
export const COMPACT_TILE = { minWidth: 150, maxWidth: 280, height: 56 } as const;

export interface MixedGridLayout {
  /** Columns of the grid; a camera tile spans `videoSpan` of them, a compact tile one. */
  columns: number;
  videoSpan: number;
  /** Width of one column (a compact tile's width). */
  columnWidth: number;
  /** A camera tile's size (0 when there are none). */
  tileWidth: number;
  tileHeight: number;
  videoRows: number;
  compactRows: number;
  /** Height of everything laid out, gaps included. */
  height: number;
}

const NO_MIXED_LAYOUT: MixedGridLayout = {
  columns: 0,
  videoSpan: 1,
  columnWidth: 0,
  tileWidth: 0,
  tileHeight: 0,
  videoRows: 0,
  compactRows: 0,
  height: 0,
};

/**
 * The grid for `videoCount` camera tiles and `compactCount` compact ones (people without a
 * camera, in rows of their own below the cameras) in a `width` × `height` box. The cameras get the
 * largest size that leaves room for the compact rows; the columns are a camera tile split in
 * `videoSpan` parts, so compact tiles line up under the cameras in one CSS grid, each as wide as
 * a part (at least `COMPACT_TILE.minWidth` when the camera tiles are wide enough).
 */
export function mixedGridLayout(
  videoCount: number,
  compactCount: number,
  width: number,
  height: number,
  aspect = 16 / 9,
  gap = 0,
  compact: { minWidth: number; maxWidth: number; height: number } = COMPACT_TILE,
): MixedGridLayout {
  const compactHeight = (rows: number) => rows * compact.height + Math.max(0, rows - 1) * gap;
  if (width <= 0 || height <= 0 || videoCount + compactCount <= 0) {
    return NO_MIXED_LAYOUT;
  }
  if (videoCount <= 0) {
    const fit = Math.floor((width + gap) / (compact.minWidth + gap));
    const columns = Math.max(1, Math.min(compactCount, fit));
    const rows = Math.ceil(compactCount / columns);
    const columnWidth = Math.floor(Math.min(compact.maxWidth, (width - (columns - 1) * gap) / columns));
    return {
      columns,
      videoSpan: 1,
      columnWidth,
      tileWidth: 0,
      tileHeight: 0,
      videoRows: 0,
      compactRows: rows,
      height: compactHeight(rows),
    };
  }
  /** How many compact tiles fit across one camera tile `tileWidth` wide. */
  const spanFor = (tileWidth: number) =>
    Math.max(1, Math.floor((tileWidth + gap) / (compact.minWidth + gap)));
  let best: MixedGridLayout | undefined;
  for (let videoColumns = 1; videoColumns <= videoCount; videoColumns++) {
    const videoRows = Math.ceil(videoCount / videoColumns);
    const widthLimit = (width - gap * (videoColumns - 1)) / videoColumns;
    if (widthLimit <= 0) continue;
    // The compact rows depend on the camera width, which depends on the rows left for cameras: it
    // only shrinks, so a few rounds settle it.
    let tileWidth = widthLimit;
    let span = spanFor(tileWidth);
    let compactRows = 0;
    for (let round = 0; round < 4; round++) {
      compactRows = compactCount > 0 ? Math.ceil(compactCount / (videoColumns * span)) : 0;
      const left = height - (compactRows > 0 ? compactHeight(compactRows) + gap : 0);
      const heightLimit = ((left - gap * (videoRows - 1)) / videoRows) * aspect;
      tileWidth = Math.min(widthLimit, heightLimit);
      const next = spanFor(tileWidth);
      if (next === span) break;
      span = next;
    }
    if (tileWidth <= 0) continue;
    if (best && tileWidth <= best.tileWidth) continue;
    const wholeWidth = Math.floor(tileWidth);
    const tileHeight = Math.floor(wholeWidth / aspect);
    best = {
      columns: videoColumns * span,
      videoSpan: span,
      columnWidth: (wholeWidth - (span - 1) * gap) / span,
      tileWidth: wholeWidth,
      tileHeight,
      videoRows,
      compactRows,
      height:
        videoRows * tileHeight +
        (videoRows - 1) * gap +
        (compactRows > 0 ? gap + compactHeight(compactRows) : 0),
    };
  }
  return best ?? NO_MIXED_LAYOUT;
}

/** A box narrower than this (CSS pixels) and taller than wide gets the phone layout. */
export const PHONE_MAX_WIDTH = 500;

/** Whether a `width` × `height` box is a phone held upright: narrow, and taller than wide. */
export function isPhoneBox(width: number, height: number): boolean {
  return width > 0 && width <= PHONE_MAX_WIDTH && height > width;
}

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface Point {
  x: number;
  y: number;
}

/** The top-left point of a `size` rectangle that keeps it inside `box`, `margin` from its edges. */
export function clampInside(
  point: Point,
  size: { width: number; height: number },
  box: { width: number; height: number },
  margin = 0,
): Point {
  const clamp = (value: number, max: number) => Math.min(Math.max(margin, value), Math.max(margin, max));
  return {
    x: clamp(point.x, box.width - size.width - margin),
    y: clamp(point.y, box.height - size.height - margin),
  };
}

/** Where a `size` rectangle sits in `corner` of `box`, `margin` from its edges (top-left point). */
export function cornerPoint(
  corner: Corner,
  size: { width: number; height: number },
  box: { width: number; height: number },
  margin = 0,
): Point {
  return clampInside(
    {
      x: corner.endsWith('left') ? margin : box.width - size.width - margin,
      y: corner.startsWith('top') ? margin : box.height - size.height - margin,
    },
    size,
    box,
    margin,
  );
}

/** The corner of `box` nearest to the centre of a `size` rectangle at `point`: where a drop snaps. */
export function nearestCorner(
  point: Point,
  size: { width: number; height: number },
  box: { width: number; height: number },
): Corner {
  const top = point.y + size.height / 2 < box.height / 2;
  const left = point.x + size.width / 2 < box.width / 2;
  return `${top ? 'top' : 'bottom'}-${left ? 'left' : 'right'}`;
}

/** The corner an arrow key moves a picture-in-picture to from `corner` (the other side, that way). */
export function cornerAfterKey(corner: Corner, key: string): Corner | undefined {
  const [vertical, horizontal] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  if (key === 'ArrowUp') return `top-${horizontal}`;
  if (key === 'ArrowDown') return `bottom-${horizontal}`;
  if (key === 'ArrowLeft') return `${vertical}-left`;
  if (key === 'ArrowRight') return `${vertical}-right`;
  return undefined;
}

// The viewer's box in the crowd measurement, the same for both sides: the size the browser test
// of the 25-person room uses (test/browser/grid-crowd.test.ts), where `<calls-grid>` shows 16 tiles
// a page (4×4, so 15 other people on page 1).
export const CROWD_VIEWER = {
  viewport: { width: 1760, height: 1100 },
  width: 1700,
  height: 1000,
  minTileWidth: 340,
};

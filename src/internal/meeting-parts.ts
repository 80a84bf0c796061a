/**
 * What the default meeting (inside `<calls-room>`) and `<calls-meeting>` re-export from their
 * grid, so a page can style the tiles and page controls with `::part()` from outside.
 */
export const GRID_EXPORTPARTS =
  'tile, tile-base, tile-video, tile-placeholder, tile-initials, tile-spinner, tile-status, tile-label, tile-name, tile-muted-indicator, tile-quality, tile-overlay, tile-hand, tile-reaction, pagination, page-button';

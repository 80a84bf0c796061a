import { css } from 'lit';

/**
 * The design tokens every element shares. Each `--calls-*` property has a fallback here, so an
 * element looks right with none set; the dark fallbacks apply under `prefers-color-scheme: dark`.
 *
 * A few high-level tokens set many at once: `--calls-surface` (the background; tiles and controls
 * are derived from it, a step towards the text colour), `--calls-accent`, `--calls-radius`,
 * `--calls-density` (a factor on the gaps: 0.75 is compact, 1.25 roomy; touch targets stay 44 px)
 * and `--calls-font-family`; `--calls-foreground` with `--calls-surface` also sets the controls' text
 * and the secondary text (a mix of the two), so a dark theme is those two tokens. A specific
 * property (`--calls-tile-background`, …) still wins.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--calls-background, var(--calls-surface, #ffffff));
    --_fg: var(--calls-foreground, #1d1f24);
    --_muted-fg: var(--calls-muted-foreground, var(--_surface-muted-fg, #5b606b));
    --_tile-bg: var(--calls-tile-background, var(--_surface-tile, #e8eaef));
    --_control-bg: var(--calls-control-background, var(--_surface-control, #eef0f4));
    --_control-fg: var(--calls-control-foreground, var(--calls-foreground, #1d1f24));
    --_accent: var(--calls-accent, #2563eb);
    --_accent-fg: var(--calls-accent-foreground, #ffffff);
    --_danger: var(--calls-danger, #c81e1e);
    --_danger-fg: var(--calls-danger-foreground, #ffffff);
    --_speaking: var(--calls-speaking-color, #16a34a);
    --_radius: var(--calls-radius, 12px);
    --_gap: var(--calls-gap, calc(8px * var(--calls-density, 1)));
    --_font: var(--calls-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* Only with --calls-surface set (the muted one with --calls-foreground too); otherwise invalid, and the fixed defaults apply. */
    --_surface-tile: color-mix(in srgb, var(--calls-surface) 88%, var(--_fg));
    --_surface-control: color-mix(in srgb, var(--calls-surface) 92%, var(--_fg));
    --_surface-muted-fg: color-mix(in srgb, var(--calls-foreground) 72%, var(--calls-surface));
    color-scheme: light dark;
    font-family: var(--_font);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--calls-background, var(--calls-surface, #15171c));
      --_fg: var(--calls-foreground, #eceef2);
      --_muted-fg: var(--calls-muted-foreground, var(--_surface-muted-fg, #a3a8b3));
      --_tile-bg: var(--calls-tile-background, var(--_surface-tile, #262a33));
      --_control-bg: var(--calls-control-background, var(--_surface-control, #2c313b));
      --_control-fg: var(--calls-control-foreground, var(--calls-foreground, #eceef2));
      /* White text on these reaches 4.6:1 and 4.8:1 (WCAG AA); they stay above 3:1 on the dark background. */
      --_accent: var(--calls-accent, #3b6fe0);
      --_danger: var(--calls-danger, #d03a3a);
    }
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

import { css } from 'lit';

/**
 * The design tokens every element shares. Each `--calls-*` property has a fallback here, so an
 * element looks right with none set. Each fallback is a `light-dark()` pair, so which one applies
 * follows the element's `color-scheme`: the visitor's `prefers-color-scheme` by default, or light or
 * dark when `--calls-color-scheme` (inherited, so set it on any ancestor) or a `color-scheme="dark"`
 * attribute on the element says so. (A media query could not be switched from outside.) The dark
 * accent and danger keep white text at 4.6:1 and 4.8:1 (WCAG AA) and stay above 3:1 on the dark
 * background. The surface-derived colours (`--_surface-*`) are valid only with `--calls-surface`
 * (and `--calls-foreground`) set; otherwise they are invalid and the fixed fallbacks apply.
 *
 * A few high-level tokens set many at once: `--calls-surface` (the background; tiles and controls
 * are derived from it, a step towards the text colour), `--calls-accent`, `--calls-radius`,
 * `--calls-density` (a factor on the gaps: 0.75 is compact, 1.25 roomy; touch targets stay 44 px)
 * and `--calls-font-family`; `--calls-foreground` with `--calls-surface` also sets the controls' text
 * and the secondary text (a mix of the two), so a dark theme is those two tokens. A specific
 * property (`--calls-tile-background`, …) still wins.
 */
export const themeStyles = css`
  :host([color-scheme='light']) {
    --calls-color-scheme: light;
  }
  :host([color-scheme='dark']) {
    --calls-color-scheme: dark;
  }
  :host {
    --_bg: var(--calls-background, var(--calls-surface, light-dark(#ffffff, #15171c)));
    --_fg: var(--calls-foreground, light-dark(#1d1f24, #eceef2));
    --_muted-fg: var(--calls-muted-foreground, var(--_surface-muted-fg, light-dark(#5b606b, #a3a8b3)));
    --_tile-bg: var(--calls-tile-background, var(--_surface-tile, light-dark(#e8eaef, #262a33)));
    --_control-bg: var(--calls-control-background, var(--_surface-control, light-dark(#eef0f4, #2c313b)));
    --_control-fg: var(--calls-control-foreground, var(--calls-foreground, light-dark(#1d1f24, #eceef2)));
    --_accent: var(--calls-accent, light-dark(#2563eb, #3b6fe0));
    --_accent-fg: var(--calls-accent-foreground, #ffffff);
    --_danger: var(--calls-danger, light-dark(#c81e1e, #d03a3a));
    --_danger-fg: var(--calls-danger-foreground, #ffffff);
    --_speaking: var(--calls-speaking-color, #16a34a);
    --_radius: var(--calls-radius, 12px);
    --_gap: var(--calls-gap, calc(8px * var(--calls-density, 1)));
    --_font: var(--calls-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_surface-tile: color-mix(in srgb, var(--calls-surface) 88%, var(--_fg));
    --_surface-control: color-mix(in srgb, var(--calls-surface) 92%, var(--_fg));
    --_surface-muted-fg: color-mix(in srgb, var(--calls-foreground) 72%, var(--calls-surface));
    color-scheme: var(--calls-color-scheme, light dark);
    font-family: var(--_font);
    color: var(--_fg);
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

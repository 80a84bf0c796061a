// Baseline: the component library alone, as a minimal element needs it.
export { css, html, LitElement } from 'lit';

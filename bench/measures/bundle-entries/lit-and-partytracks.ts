// Baseline: what someone writing their own room element would start from — lit for the element,
// partytracks/client (with rxjs) for media.
export { css, html, LitElement } from 'lit';
export { PartyTracks } from 'partytracks/client';

import { css } from 'lit';

/**
 * The box a tile and the self view share: a rounded 16:9 surface that its video fills, and a
 * placeholder centred over it while there is no video.
 */
export const videoSurfaceStyles = css`
  :host {
    display: block;
    position: relative;
    aspect-ratio: var(--calls-tile-aspect-ratio, 16 / 9);
    min-width: 0;
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_tile-bg);
    container-type: inline-size;
  }
  video {
    width: 100%;
    height: 100%;
    object-fit: var(--calls-video-fit, cover);
    display: block;
  }
  [part='placeholder'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
  }
`;

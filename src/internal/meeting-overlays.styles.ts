import { css } from 'lit';

/**
 * What floats over a meeting's tiles, out of its column (so the grid keeps its size when one
 * appears): the reconnecting banner at the top, and the participant list and chat as side panels at
 * the inline end. Shared by `<calls-room>`'s default meeting and `<calls-meeting>`; the positioned
 * container is the `<calls-room>` in both.
 */
export const meetingOverlayStyles = css`
  calls-connection-banner {
    position: absolute;
    inset-block-start: calc(var(--_gap) * 2);
    inset-inline-start: 50%;
    transform: translateX(-50%);
    z-index: 1;
    width: max-content;
    max-width: calc(100% - var(--_gap) * 4);
  }
  calls-participant-list,
  calls-chat {
    position: absolute;
    inset-block: var(--_gap) calc(var(--_gap) * 2 + 56px);
    inset-inline-end: var(--_gap);
    inline-size: min(340px, calc(100% - var(--_gap) * 2));
    z-index: 2;
    overflow: auto;
    background: var(--_bg);
    border-radius: var(--_radius);
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.25);
  }
  calls-participant-list[hidden],
  calls-chat[hidden] {
    display: none;
  }
`;

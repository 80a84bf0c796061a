import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CallsRoomElement } from '../src/elements/calls-room/calls-room.js';
import type { CallsJoinedEvent } from '../src/events/joined.js';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-tile',
  component: 'calls-tile',
  parameters: {
    docs: {
      description: {
        component:
          'Tiles need a room. These stories join two participants to a live room on the local SFU: the tile on the left shows the participant on the right, pulled through the SFU.',
      },
    },
  },
};
export default meta;

/** Points `tile` at whoever joins `source` once both are in. */
function follow(sourceId: string, tileSelector: string) {
  return (event: CallsJoinedEvent) => {
    const viewer = event.currentTarget as CallsRoomElement;
    const source = document.getElementById(sourceId) as CallsRoomElement | null;
    const tile = viewer.querySelector(tileSelector);
    const show = () => {
      const id = source?.model?.participantId;
      if (id && tile) tile.setAttribute('participant-id', id);
    };
    show();
    source?.addEventListener('calls-joined', show, { once: true });
  };
}

/** A remote participant's camera, pulled while the tile is on screen. */
export const RemoteParticipant: StoryObj = {
  render: () => {
    const room = `${storyRoom}-tile`;
    return html`<div style="display: flex; gap: 16px; align-items: flex-start">
      <calls-room endpoint=${endpoint} room=${room} display-name="Viewer" autojoin @calls-joined=${follow('tile-source', 'calls-tile')}>
        <calls-tile style="width: 320px"></calls-tile>
      </calls-room>
      <calls-room id="tile-source" endpoint=${endpoint} room=${room} display-name="Ada Lovelace" autojoin style="width: 320px; --calls-room-min-height: 0"></calls-room>
    </div>`;
  },
};

/** With the camera off: the participant's initials. */
export const CameraOff: StoryObj = {
  render: () => {
    const room = `${storyRoom}-tile-off`;
    return html`<div style="display: flex; gap: 16px; align-items: flex-start">
      <calls-room endpoint=${endpoint} room=${room} display-name="Viewer" autojoin @calls-joined=${follow('tile-off-source', 'calls-tile')}>
        <calls-tile style="width: 320px"></calls-tile>
      </calls-room>
      <calls-room id="tile-off-source" endpoint=${endpoint} room=${room} display-name="Grace Hopper" autojoin style="width: 320px; --calls-room-min-height: 0">
        <calls-publisher video="off" audio="off" style="width: 200px"></calls-publisher>
      </calls-room>
    </div>`;
  },
};

/** Compact, as a layout shows someone without a camera: initials, name, microphone, a ring while speaking. */
export const Compact: StoryObj = {
  render: () => {
    const room = `${storyRoom}-tile-compact`;
    return html`<div style="display: flex; gap: 16px; align-items: flex-start">
      <calls-room endpoint=${endpoint} room=${room} display-name="Viewer" autojoin @calls-joined=${follow('tile-compact-source', 'calls-tile')}>
        <calls-tile compact style="width: 240px"></calls-tile>
      </calls-room>
      <calls-room id="tile-compact-source" endpoint=${endpoint} room=${room} display-name="Grace Hopper" autojoin style="width: 320px; --calls-room-min-height: 0">
        <calls-publisher video="off" style="width: 200px"></calls-publisher>
      </calls-room>
    </div>`;
  },
};

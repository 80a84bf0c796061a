import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-screen-share-button',
  component: 'calls-screen-share-button',
  parameters: {
    docs: {
      description: {
        component:
          'Live on the local SFU: the left room joins with a Share button; the right room (default view) shows the shared screen as its own tile. The button is disabled until the room has joined.',
      },
    },
  },
};
export default meta;

/** Share from the left room, watch it arrive on the right. */
export const ShareToAnotherParticipant: StoryObj = {
  render: () => {
    const room = `${storyRoom}-screen`;
    return html`<div style="display: flex; gap: 16px; align-items: flex-start">
      <calls-room endpoint=${endpoint} room=${room} display-name="Ada Lovelace" autojoin>
        <calls-screen-share-button></calls-screen-share-button>
      </calls-room>
      <calls-room endpoint=${endpoint} room=${room} display-name="Viewer" autojoin style="width: 480px; --calls-room-min-height: 0"></calls-room>
    </div>`;
  },
};

/** Outside its room, by id, with its label shown. */
export const ByRoomId: StoryObj = {
  render:
    () => html`<calls-screen-share-button room="screen-story-room" style="margin-bottom: 8px"></calls-screen-share-button>
    <calls-room id="screen-story-room" endpoint=${endpoint} room=${`${storyRoom}-screen-by-id`} display-name="Ada" autojoin style="width: 480px; --calls-room-min-height: 0"></calls-room>`,
};

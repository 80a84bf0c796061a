import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-chat',
  component: 'calls-chat',
  parameters: {
    docs: {
      description: {
        component:
          'Two participants in a live room on the local SFU, each with a chat: write on one side, read on the other. Try markup, a link, or Shift+Enter.',
      },
    },
  },
};
export default meta;

/** Each side sends and receives; the sender is set by the backend. */
export const TwoParticipants: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'chat',
      inner: () => html`<calls-chat style="height: 360px"></calls-chat>`,
    }),
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-toasts',
  component: 'calls-toasts',
  parameters: {
    docs: {
      description: {
        component:
          'Notices about the room: joins and leaves, raised hands, chat while the chat is hidden. Raise a hand or write on the right and watch the left.',
      },
    },
  },
};
export default meta;

/** The left shows notices about the right. */
export const Notices: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'toasts',
      inner: () =>
        html`<calls-toasts sound></calls-toasts><calls-hand-button></calls-hand-button><calls-chat style="height: 200px"></calls-chat>`,
    }),
};

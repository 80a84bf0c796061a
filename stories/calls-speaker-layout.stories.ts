import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-speaker-layout',
  component: 'calls-speaker-layout',
  parameters: {
    docs: {
      description: {
        component:
          'The active speaker (or your pin, or a shared screen) large, everyone else in a filmstrip; open the story in another tab to add a person.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-speaker-layout style="height: 480px"></calls-speaker-layout></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** In the live room: whoever speaks comes large after a moment; a tile's pin button keeps someone there. */
export const InARoom: Story = {};

/** Two people side by side: each sees the other large, and the pin on a tile is only its viewer's. */
export const TwoPeople: Story = {
  render: () =>
    pairOfRooms({
      room: 'speaker-layout',
      inner: () => html`<calls-speaker-layout style="height: 360px"></calls-speaker-layout>`,
    }),
};

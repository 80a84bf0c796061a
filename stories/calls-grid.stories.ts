import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-grid',
  component: 'calls-grid',
  parameters: {
    docs: {
      description: {
        component: 'Tiles for everyone in the live room; open the story in another tab to add a person.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid style="height: 420px"></calls-grid></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Tiles for everyone in the live room; open the story in another tab to add a person. */
export const InARoom: Story = {};

/** Without a height. */
export const WithoutAHeight: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid></calls-grid></calls-room>`,
};

/** One 600 px tile per page: open the story in another tab and the grid gets a second page. */
export const Paged: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid min-tile-width="600" style="height: 420px"></calls-grid></calls-room>`,
};

/** In a phone-sized box (360 × 640): portrait tiles, and your own view as a picture-in-picture to drag or move with the arrow keys (open the story in another tab to add a person). */
export const Phone: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin style="width: 360px"><calls-grid style="height: 640px"></calls-grid></calls-room>`,
};

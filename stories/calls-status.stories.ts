import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-status',
  component: 'calls-status',
  parameters: {
    docs: {
      description: {
        component: '"Joining…" while joining, then the latest error: here the backend cannot be reached.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint="http://127.0.0.1:9/calls" room="nowhere" autojoin><calls-status></calls-status></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** "Joining…" while joining, then the latest error: here the backend cannot be reached. */
export const Unreachable: Story = {};

/** In a live room. */
export const InALiveRoom: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-status></calls-status><calls-grid style="height: 320px"></calls-grid></calls-room>`,
};

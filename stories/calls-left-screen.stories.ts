import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-left-screen',
  component: 'calls-left-screen',
  parameters: {
    docs: { description: { component: 'Leave the live room to see it; Rejoin takes you back.' } },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid style="height: 320px"></calls-grid><calls-control-bar></calls-control-bar><calls-left-screen slot="left"></calls-left-screen></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Leave the live room to see it; Rejoin takes you back. */
export const AfterLeaving: Story = {};

/** On its own in a room. */
export const OnItsOwnInARoom: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-left-screen></calls-left-screen></calls-room>`,
};

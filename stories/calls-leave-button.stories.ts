import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-leave-button',
  component: 'calls-leave-button',
  parameters: {
    docs: { description: { component: 'Disabled until the room has joined (it autojoins here).' } },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-leave-button></calls-leave-button><calls-grid style="height: 320px"></calls-grid></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Disabled until the room has joined (it autojoins here). */
export const InARoom: Story = {};

/** Icon only. */
export const IconOnly: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-leave-button icon-only></calls-leave-button></calls-room>`,
};

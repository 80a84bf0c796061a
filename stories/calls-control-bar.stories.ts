import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-control-bar',
  component: 'calls-control-bar',
  parameters: {
    docs: { description: { component: 'The default set of controls in a live room.' } },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid style="height: 320px"></calls-grid><calls-control-bar></calls-control-bar></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** The default set of controls in a live room. */
export const DefaultSet: Story = {};

/** Your own set. */
export const YourOwnSet: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid style="height: 320px"></calls-grid><calls-control-bar><calls-mic-button></calls-mic-button><calls-leave-button icon-only></calls-leave-button></calls-control-bar></calls-room>`,
};

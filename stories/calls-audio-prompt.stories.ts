import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-audio-prompt',
  component: 'calls-audio-prompt',
  parameters: {
    docs: {
      description: {
        component:
          "Shows only while the browser blocks the call's sound (open the story in a fresh tab without clicking first).",
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-audio-prompt></calls-audio-prompt><calls-grid style="height: 320px"></calls-grid></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Shows only while the browser blocks the call's sound (open the story in a fresh tab without clicking first). */
export const InARoom: Story = {};

/** With the control bar. */
export const WithTheControlBar: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-audio-prompt></calls-audio-prompt><calls-control-bar></calls-control-bar></calls-room>`,
};

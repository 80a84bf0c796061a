import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-muted-hint',
  component: 'calls-muted-hint',
  parameters: {
    docs: { description: { component: 'Mute the microphone and talk: the hint appears.' } },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin><calls-grid style="height: 320px"></calls-grid><calls-muted-hint></calls-muted-hint><calls-control-bar></calls-control-bar></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Mute the microphone and talk: the hint appears. */
export const InARoom: Story = {};

/** Themed. */
export const Themed: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin style="--calls-hint-background: #7c2d12; --calls-hint-foreground: #fff7ed"><calls-muted-hint></calls-muted-hint><calls-mic-button></calls-mic-button></calls-room>`,
};

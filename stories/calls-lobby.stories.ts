import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-lobby',
  component: 'calls-lobby',
  parameters: {
    docs: {
      description: {
        component: 'The pre-join screen of a live room (shown in the lobby slot until you join).',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom}><calls-lobby slot="lobby" ask-name display-name="Storybook"></calls-lobby><calls-grid style="height: 360px"></calls-grid><calls-control-bar></calls-control-bar></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** The pre-join screen of a live room (shown in the lobby slot until you join). */
export const WithNameField: Story = {};

/** Without a name field. */
export const WithoutANameField: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-lobby slot="lobby"></calls-lobby><calls-grid style="height: 360px"></calls-grid><calls-control-bar></calls-control-bar></calls-room>`,
};

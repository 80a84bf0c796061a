import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-meeting',
  component: 'calls-meeting',
  parameters: {
    docs: {
      description: { component: 'The whole meeting in one tag: lobby, call, and the screen after leaving.' },
    },
  },
  render: () =>
    html`<calls-meeting endpoint=${endpoint} room=${storyRoom} display-name="Storybook" ask-name style="--calls-meeting-height: 560px"></calls-meeting>`,
};
export default meta;

type Story = StoryObj;

/** The whole meeting in one tag: lobby, call, and the screen after leaving. */
export const Meeting: Story = {};

/** Without a name field. */
export const WithoutANameField: Story = {
  render: () =>
    html`<calls-meeting endpoint=${endpoint} room=${storyRoom} display-name="Storybook" style="--calls-meeting-height: 560px"></calls-meeting>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-alone-notice',
  component: 'calls-alone-notice',
  parameters: {
    docs: {
      description: {
        component:
          'Shown while you are alone in the call, with the link to share; open the story in another tab and it goes.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-alone`} display-name="Storybook" autojoin
      ><calls-alone-notice></calls-alone-notice
    ></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Alone in a room of its own: the notice with the page's address. */
export const Alone: Story = {};

/** With a link of your own to share instead of the page's address. */
export const WithALink: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-alone-link`} display-name="Storybook" autojoin
      ><calls-alone-notice link="https://example.com/standup"></calls-alone-notice
    ></calls-room>`,
};

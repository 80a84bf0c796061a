import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-join-button',
  component: 'calls-join-button',
  parameters: {
    docs: {
      description: {
        component:
          'Join and Leave buttons with a grid: join the live room, open the story in another tab to meet.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-join-button></calls-join-button><calls-leave-button></calls-leave-button><calls-grid style="height: 320px"></calls-grid></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** Join and Leave buttons with a grid: join the live room, open the story in another tab to meet. */
export const InARoom: Story = {};

/** Says Rejoin. */
export const SaysRejoin: Story = {
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-join-button rejoin></calls-join-button></calls-room>`,
};

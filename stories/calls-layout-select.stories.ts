import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-layout-select',
  component: 'calls-layout-select',
  parameters: {
    docs: {
      description: {
        component: 'Switches a room between the grid and the speaker layout.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** The default meeting, whose control bar holds the select: press it to change the layout. */
export const InTheDefaultMeeting: Story = {};

/** On its own, outside the room it controls (`room="<id>"`). */
export const OutsideTheRoom: Story = {
  render: () =>
    html`<calls-layout-select room="layout-story-room"></calls-layout-select>
      <calls-room id="layout-story-room" endpoint=${endpoint} room=${storyRoom} display-name="Storybook" autojoin></calls-room>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-mic-button',
  component: 'calls-mic-button',
  parameters: {
    docs: {
      description: {
        component:
          'A microphone toggle inside a live room: press it and watch `aria-pressed` and the room change.',
      },
    },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-publisher style="width: 320px"></calls-publisher><calls-mic-button></calls-mic-button></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** A microphone toggle inside a live room: press it and watch `aria-pressed` and the room change. */
export const InARoom: Story = {};

/** Outside the room, by id. */
export const OutsideTheRoomById: Story = {
  render: () =>
    html`<calls-room id="mic-room" endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-publisher style="width: 320px"></calls-publisher></calls-room><calls-mic-button room="mic-room"></calls-mic-button>`,
};

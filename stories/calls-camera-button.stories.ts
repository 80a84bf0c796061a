import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-camera-button',
  component: 'calls-camera-button',
  parameters: {
    docs: { description: { component: 'A camera toggle inside a live room.' } },
  },
  render: () =>
    html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-publisher style="width: 320px"></calls-publisher><calls-camera-button></calls-camera-button></calls-room>`,
};
export default meta;

type Story = StoryObj;

/** A camera toggle inside a live room. */
export const InARoom: Story = {};

/** Outside the room, by id. */
export const OutsideTheRoomById: Story = {
  render: () =>
    html`<calls-room id="camera-room" endpoint=${endpoint} room=${storyRoom} display-name="Storybook"><calls-publisher style="width: 320px"></calls-publisher></calls-room><calls-camera-button room="camera-room"></calls-camera-button>`,
};

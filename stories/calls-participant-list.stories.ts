import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-participant-list',
  component: 'calls-participant-list',
  parameters: {
    docs: {
      description: {
        component:
          'Everyone in the room with their state. Ada moderates (the stories’ backend grants it to her token), so she can mute, turn off the camera, lower the hand of or remove Grace, each after a confirmation.',
      },
    },
  },
};
export default meta;

/** Ada moderates; Grace does not. */
export const Moderation: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'list',
      firstModerates: true,
      inner: () =>
        html`<calls-participant-list></calls-participant-list><calls-hand-button></calls-hand-button><calls-mic-button></calls-mic-button>`,
    }),
};

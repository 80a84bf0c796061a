import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-hand-button',
  component: 'calls-hand-button',
  parameters: {
    docs: {
      description: {
        component:
          'Raise a hand on one side; the other side sees it in its participant list, in the order hands went up.',
      },
    },
  },
};
export default meta;

/** Raise and lower your hand; the list shows the order. */
export const RaiseHand: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'hand',
      inner: () =>
        html`<calls-hand-button></calls-hand-button><calls-participant-list></calls-participant-list>`,
    }),
};

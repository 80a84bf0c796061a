import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-tile-overlay',
  component: 'calls-tile-overlay',
  parameters: {
    docs: {
      description: {
        component:
          'The overlay that <calls-tile> renders: a raised hand with its place in the order, and reactions.',
      },
    },
  },
};
export default meta;

/** Raise a hand or react on the left; Ada’s tile on the right shows it. */
export const OnTiles: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'overlay',
      secondDefault: true,
      inner: () =>
        html`<calls-hand-button></calls-hand-button><calls-reactions-button></calls-reactions-button>`,
    }),
};

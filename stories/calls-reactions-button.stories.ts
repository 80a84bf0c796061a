import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-reactions-button',
  component: 'calls-reactions-button',
  parameters: {
    docs: {
      description: {
        component:
          'React on the left: it rises on Ada’s tile on the right (still, under reduced motion), and is announced.',
      },
    },
  },
};
export default meta;

/** Pick an emoji on the left; Ada’s tile on the right shows it. */
export const React: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'reactions',
      secondDefault: true,
      inner: () =>
        html`<calls-hand-button></calls-hand-button><calls-reactions-button></calls-reactions-button>`,
    }),
};

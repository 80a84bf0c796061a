import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-participants-button',
  component: 'calls-participants-button',
  parameters: {
    docs: {
      description: {
        component: 'A toggle for the participant list, with the number of people in the room.',
      },
    },
  },
};
export default meta;

/** Shows and hides the list. */
export const Toggle: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'participants-button',
      inner: (who) => {
        const id = `list-${who.split(' ')[0]}`;
        return html`<calls-participants-button for=${id}></calls-participants-button><calls-participant-list id=${id} hidden></calls-participant-list>`;
      },
    }),
};

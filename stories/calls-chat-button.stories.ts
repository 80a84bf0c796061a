import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { pairOfRooms } from './people-rooms.js';

const meta: Meta = {
  title: 'Elements/calls-chat-button',
  component: 'calls-chat-button',
  parameters: {
    docs: {
      description: {
        component: 'The toggle shows and hides a chat and counts what arrived while it was hidden.',
      },
    },
  },
};
export default meta;

/** Write from the right while the left chat is hidden: the badge counts. */
export const UnreadBadge: StoryObj = {
  render: () =>
    pairOfRooms({
      room: 'chat-button',
      inner: (who) => {
        const id = `chat-${who.split(' ')[0]}`;
        return html`<calls-chat-button for=${id}></calls-chat-button><calls-chat id=${id} hidden style="height: 300px"></calls-chat>`;
      },
    }),
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { endpoint, storyRoom } from './live-backend.js';

interface RoomArgs {
  room: string;
  displayName: string;
  autojoin: boolean;
}

const meta: Meta<RoomArgs> = {
  title: 'Elements/calls-room',
  component: 'calls-room',
  args: { room: storyRoom, displayName: 'Storybook', autojoin: false },
  argTypes: {
    room: {
      control: 'text',
      description: 'Room name; open the story in two tabs with the same name to meet.',
    },
    displayName: { control: 'text' },
    autojoin: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A live room on the local SFU: press Join (or turn on `autojoin`), then open this story in another tab with the same room name.',
      },
    },
  },
  render: ({ room, displayName, autojoin }) => html`<calls-room
    style="height: 520px"
    endpoint=${endpoint}
    room=${room}
    display-name=${ifDefined(displayName || undefined)}
    ?autojoin=${autojoin}
    @calls-error=${(event: CustomEvent) => console.warn('calls-error', event.detail)}
  ></calls-room>`,
};
export default meta;

type Story = StoryObj<RoomArgs>;

/** The default view: a lobby with your camera and a Join button, then a tile per participant. */
export const DefaultView: Story = {};

/** Joins as soon as it is on the page. */
export const Autojoin: Story = { args: { autojoin: true } };

/** The error a person sees when the backend cannot be reached. */
export const BackendUnreachable: Story = {
  render: () =>
    html`<calls-room style="height: 420px" endpoint="http://127.0.0.1:9/calls" room="nowhere" autojoin></calls-room>`,
};

/** Themed with `--calls-*` properties and `::part()`. */
export const Themed: Story = {
  render: ({ room, displayName }) => html`<style>
      .themed {
        --calls-background: #10221b;
        --calls-foreground: #e4f5ec;
        --calls-accent: #2fbf71;
        --calls-control-background: #1d3a2e;
        --calls-control-foreground: #e4f5ec;
        --calls-radius: 4px;
      }
      .themed::part(status) {
        font-style: italic;
      }
    </style>
    <calls-room class="themed" style="height: 520px" endpoint=${endpoint} room=${room} display-name=${displayName}></calls-room>`,
};

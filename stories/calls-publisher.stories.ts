import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { endpoint, storyRoom } from './live-backend.js';

interface PublisherArgs {
  audio: 'on' | 'off' | 'unset';
  video: 'on' | 'off' | 'unset';
}

const onOff = (value: PublisherArgs['audio']) => (value === 'unset' ? undefined : value);

const meta: Meta<PublisherArgs> = {
  title: 'Elements/calls-publisher',
  component: 'calls-publisher',
  args: { audio: 'on', video: 'on' },
  argTypes: {
    audio: { control: 'inline-radio', options: ['on', 'off', 'unset'] },
    video: { control: 'inline-radio', options: ['on', 'off', 'unset'] },
  },
  render: ({ audio, video }) =>
    html`<calls-publisher style="width: 360px" audio=${ifDefined(onOff(audio))} video=${ifDefined(onOff(video))}></calls-publisher>`,
};
export default meta;

type Story = StoryObj<PublisherArgs>;

/** On its own: a preview before joining, with a mirrored self view and a mic level meter. */
export const Preview: Story = {};

/** Camera off: the placeholder. */
export const CameraOff: Story = { args: { video: 'off' } };

/** Inside a room it shows, and controls, what the room publishes. */
export const InARoom: Story = {
  render: ({
    audio,
    video,
  }) => html`<calls-room endpoint=${endpoint} room=${storyRoom} display-name="Publisher" autojoin>
    <calls-publisher style="width: 360px" audio=${ifDefined(onOff(audio))} video=${ifDefined(onOff(video))}></calls-publisher>
  </calls-room>`,
};

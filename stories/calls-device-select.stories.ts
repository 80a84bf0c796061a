import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-device-select',
  component: 'calls-device-select',
  argTypes: {
    kind: { control: 'select', options: ['audioinput', 'videoinput', 'audiooutput'] },
  },
  args: { kind: 'videoinput' },
  parameters: {
    docs: {
      description: {
        component:
          'The devices of this browser, in a live room on the local SFU. Choose another camera and the self view switches; the choice is remembered for the next visit. Plug a device in or out to see the list follow.',
      },
    },
  },
};
export default meta;

/** One picker, with the room's self view beside it. */
export const Picker: StoryObj<{ kind: string }> = {
  render: ({
    kind,
  }) => html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-devices`} display-name="Ada" autojoin>
    <calls-device-select kind=${kind}></calls-device-select>
    <calls-publisher style="width: 320px; margin-top: 8px"></calls-publisher>
  </calls-room>`,
};

/** All three, as a lobby shows them before joining. */
export const AllKindsBeforeJoining: StoryObj = {
  render: () => html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-devices-lobby`} display-name="Ada">
    <div style="display: flex; gap: 12px; flex-wrap: wrap">
      <calls-device-select kind="videoinput"></calls-device-select>
      <calls-device-select kind="audioinput"></calls-device-select>
      <calls-device-select kind="audiooutput"></calls-device-select>
    </div>
  </calls-room>`,
};

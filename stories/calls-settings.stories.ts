import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-settings',
  component: 'calls-settings',
  parameters: {
    docs: {
      description: {
        component:
          'A Settings button that opens the device choices and a microphone test, in a live room on the local SFU.',
      },
    },
  },
};
export default meta;

/** Press the gear: camera, microphone and speaker, and a meter that follows your voice. */
export const InARoom: StoryObj = {
  render:
    () => html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-settings`} display-name="Ada" autojoin>
    <calls-settings></calls-settings>
    <calls-publisher style="width: 320px; margin-top: 8px"></calls-publisher>
  </calls-room>`,
};

/** Open from the start. */
export const Open: StoryObj = {
  render: () => html`<calls-room endpoint=${endpoint} room=${`${storyRoom}-settings-open`} display-name="Ada">
    <calls-settings open></calls-settings>
  </calls-room>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

const meta: Meta = {
  title: 'Elements/calls-connection-banner',
  component: 'calls-connection-banner',
  parameters: {
    docs: {
      description: {
        component:
          'The banner over a live room on the local SFU. It is empty while all is well; use the button to cut the room off from its backend and watch it count down, offer "Retry now" once the attempts reach their cap, and clear when the connection is back.',
      },
    },
  },
};
export default meta;

/**
 * A network switch for the page's WebSockets: while cut, the room's socket is closed as a dropped
 * line closes it, and every new one goes to a port nobody listens on.
 */
function installNetworkSwitch(): { cut(): void; restore(): void } {
  const Native = window.WebSocket;
  const open: WebSocket[] = [];
  let cut = false;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(cut ? 'ws://127.0.0.1:9/' : url, protocols);
      open.push(this);
    }
  };
  return {
    cut() {
      cut = true;
      for (const socket of open.splice(0)) socket.close(3000, 'network cut');
    },
    restore() {
      cut = false;
    },
  };
}

/** Inside a room, with a button that takes its backend away. */
export const Reconnecting: StoryObj = {
  render: () => {
    const network = installNetworkSwitch();
    return html`<div style="display: grid; gap: 8px; max-width: 640px">
      <calls-room endpoint=${endpoint} room=${`${storyRoom}-banner`} display-name="Ada" autojoin>
        <calls-connection-banner></calls-connection-banner>
        <calls-publisher style="width: 320px"></calls-publisher>
      </calls-room>
      <div style="display: flex; gap: 8px">
        <button @click=${() => network.cut()}>Cut the backend off</button>
        <button @click=${() => network.restore()}>Restore</button>
      </div>
    </div>`;
  },
};

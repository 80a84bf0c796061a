// The page's own WebSockets, for tests that break a connection the way a network does.

/** Records the WebSockets the page opens while `open()` runs. */
export async function socketsOpenedDuring(open: () => Promise<void>): Promise<WebSocket[]> {
  const Native = window.WebSocket;
  const opened: WebSocket[] = [];
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      opened.push(this);
    }
  };
  try {
    await open();
  } finally {
    window.WebSocket = Native;
  }
  return opened;
}

/**
 * Until the returned function is called, every new WebSocket goes to a port nobody listens on, as
 * when the backend is unreachable.
 */
export function refuseNewSockets(): () => void {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(_url: string | URL, protocols?: string | string[]) {
      super('ws://127.0.0.1:9/', protocols);
    }
  };
  return () => {
    window.WebSocket = Native;
  };
}

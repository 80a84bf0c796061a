// `calls-elements dev` as its own process, for fault tests that kill it: started with the port on
// the command line, it prints "ready" once it serves, and takes operator commands over IPC.
import { startDevServer } from '../../../src/dev/dev-server.js';

const port = Number(process.argv[2]);
const dev = await startDevServer({ port, logLevel: 'silent' });

process.on('message', (message: { type: 'close-session'; sessionId: string }) => {
  if (message.type === 'close-session') {
    process.send?.({ type: 'closed-session', closed: dev.sfu?.closeSession(message.sessionId) ?? false });
  }
});
process.on('disconnect', () => {
  void dev.stop().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', url: dev.url });

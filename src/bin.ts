#!/usr/bin/env node
/**
 * The `calls-elements` command. The local SFU and the Node backend need werift and ws, which are
 * optional peer dependencies (a browser app that installs calls-elements should not download a
 * WebRTC stack it never runs): say how to get them instead of failing on a bare module error.
 */
const missing = ['werift', 'ws'].filter((name) => {
  try {
    import.meta.resolve(name);
    return false;
  } catch {
    return true;
  }
});

if (missing.length > 0) {
  process.stderr.write(
    `calls-elements: the local SFU and dev server need ${missing.join(' and ')}, which a browser install leaves out.\n` +
      'Run it with them:\n' +
      '  npx -p calls-elements -p werift -p ws calls-elements dev\n' +
      'or add them to your project:\n' +
      '  npm install --save-dev werift ws\n',
  );
  process.exit(1);
}

await import('./cli.js');

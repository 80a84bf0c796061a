// A call survives what networks and operators do to it: two people in the demo room on a
// `calls-elements dev` process, and after each fault both play each other's video again within
// 10 s of the fault ending, as the same participants, with no duplicate tiles. Times are printed.
import { after, before, describe, it } from 'node:test';
import { sessionIdOf } from './helpers/call-pages.js';
import { expectRecovery, type FaultRig, holdFor, startFaultRig } from './helpers/faults.js';

describe('faults during a two-person call', { timeout: 300_000 }, () => {
  let rig: FaultRig;

  before(async () => {
    rig = await startFaultRig(`faults-${Date.now().toString(36)}`);
  });

  after(async () => {
    await rig?.close();
  });

  it('one page offline for 5 s', { timeout: 60_000 }, async () => {
    const [ada] = rig.calls;
    await ada!.context.setOffline(true);
    await holdFor(5000);
    await ada!.context.setOffline(false);
    await expectRecovery(rig, 'page offline 5 s', Date.now());
  });

  it('the presence WebSocket black-holed for 20 s', { timeout: 60_000 }, async () => {
    const [ada] = rig.calls;
    ada!.sockets.block();
    await holdFor(20_000);
    ada!.sockets.unblock();
    await expectRecovery(rig, 'WebSocket blocked 20 s', Date.now());
  });

  it('the SFU closes a session under its client', { timeout: 60_000 }, async () => {
    const [ada] = rig.calls;
    const sessionId = await sessionIdOf(ada!);
    if (!sessionId || !(await rig.backend.closeSession(sessionId))) {
      throw new Error(`Ada's session ${sessionId} was not open in the SFU`);
    }
    await expectRecovery(rig, 'SFU session closed', Date.now());
  });

  for (const downMs of [2000, 20_000]) {
    it(`the server killed and back after ${downMs / 1000} s`, { timeout: 90_000 }, async () => {
      await rig.backend.kill();
      await holdFor(downMs);
      await rig.backend.start();
      await expectRecovery(rig, `server restarted after ${downMs / 1000} s`, Date.now());
    });
  }
});

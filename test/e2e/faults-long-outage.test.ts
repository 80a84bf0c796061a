// The heavier fault on its own: the server gone for a whole minute. The pages keep trying (they
// never give up while open) and the call comes back within 10 s of the server doing so.
import { after, before, describe, it } from 'node:test';
import { expectRecovery, type FaultRig, holdFor, startFaultRig } from './helpers/faults.js';

describe('a one-minute server outage', { timeout: 180_000 }, () => {
  let rig: FaultRig;

  before(async () => {
    rig = await startFaultRig(`outage-${Date.now().toString(36)}`);
  });

  after(async () => {
    await rig?.close();
  });

  it('the server killed and back after 60 s', { timeout: 120_000 }, async () => {
    await rig.backend.kill();
    await holdFor(60_000);
    await rig.backend.start();
    await expectRecovery(rig, 'server restarted after 60 s', Date.now());
  });
});

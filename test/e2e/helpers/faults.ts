// The shared frame of a fault test: two people in the demo room on a restartable backend, a fault,
// then both must play each other's video again within 10 s of the fault ending.
import assert from 'node:assert/strict';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../chromium.js';
import { type CallPage, openCallPage, waitForMutualVideo } from './call-pages.js';
import { RestartableBackend } from './restartable-backend.js';

/** What a person waits, after a fault ends, before the call counts as broken (issue 11). */
export const RECOVERY_DEADLINE_MS = 10_000;

export interface FaultRig {
  backend: RestartableBackend;
  browser: Browser;
  calls: CallPage[];
  /** Participant ids once the call first ran. */
  ids: string[];
  close(): Promise<void>;
}

export async function startFaultRig(room: string): Promise<FaultRig> {
  const backend = await RestartableBackend.start();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const calls = [
    await openCallPage(browser, backend.url, room, 'Ada', { gateSockets: true }),
    await openCallPage(browser, backend.url, room, 'Bob'),
  ];
  const first = await waitForMutualVideo(calls, Date.now(), 60_000);
  return {
    backend,
    browser,
    calls,
    ids: first.ids,
    async close() {
      await browser.close();
      await backend.stop();
    },
  };
}

/** The fault's duration: the outage is the point, so this is a plain wait. */
export function holdFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * After a fault that ended at `endedAt`: both play each other's video within the deadline, as the
 * same participants, never with a duplicate tile. Prints the recovery time.
 */
export async function expectRecovery(rig: FaultRig, fault: string, endedAt: number): Promise<void> {
  const recovery = await waitForMutualVideo(rig.calls, endedAt, RECOVERY_DEADLINE_MS);
  console.log(`${fault}: both play each other's video ${recovery.ms} ms after the fault ended`);
  assert.deepEqual(recovery.ids, rig.ids, 'the same participants as before the fault');
  assert.equal(recovery.duplicateTiles, false, 'no participant shown twice');
  assert.ok(recovery.mostTiles <= rig.calls.length, `at most ${rig.calls.length} tiles on any page`);
}

// The project side of the join-latency measurement: two `<calls-room>` elements from the
// script-tag bundle, one per page, on the backend kit in front of the local SFU.
import type { JoinRun } from './join-latency.js';

export const widgetJoinRun: JoinRun = async () => {
  throw new Error('<calls-room> driver not written yet');
};

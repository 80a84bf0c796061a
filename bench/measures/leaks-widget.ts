// The project side of the leak measurement: `<calls-room>` from the script-tag bundle.
import type { LeakCycles } from './leaks.js';

export const widgetLeakCycles: LeakCycles = async () => {
  throw new Error('<calls-room> driver not written yet');
};

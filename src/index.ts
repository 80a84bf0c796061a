// Browser entry of `calls-elements`. The elements register themselves here as they are added;
// until then it only carries the version, so the bundle and the test harness have something real to load.

/** Version of the calls-elements package this bundle was built from. */
export const VERSION = '0.1.0';

// Chromium sends a single simulcast layer for video under 480×270 unless this field trial is off
// (its "legacy simulcast layer limit"). Cheap 320×180 publishers in big-room tests and benches turn
// it off, so they still send full, half and quarter size and layer choice per tile can be checked.
// Node side only (the test-runner config and the bench launch Chromium with it).
export const ALL_SIMULCAST_LAYERS_FLAG = '--force-fieldtrials=WebRTC-LegacySimulcastLayerLimit/Disabled/';

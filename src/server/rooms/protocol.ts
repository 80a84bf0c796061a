// The backend kit speaks the shared presence protocol; see src/protocol/presence.ts.
export * from '../../protocol/presence.js';

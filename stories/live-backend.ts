// Where the stories' rooms connect: the live backend `storybook dev` starts (see
// .storybook/calls-backend-plugin.ts), or `npm start`'s for a static build.
declare const __CALLS_ENDPOINT__: string;

export const endpoint: string = typeof __CALLS_ENDPOINT__ === 'string' ? __CALLS_ENDPOINT__ : '/calls';

/** A room per page load, so people trying stories at the same time do not meet by accident. */
export const storyRoom = `story-${Math.random().toString(36).slice(2, 8)}`;

/** Request and response shapes of the Calls HTTP API (see docs and reference/calls-api.md). */
export interface SessionDescriptionBody {
  type: 'offer' | 'answer';
  sdp: string;
}

export interface SimulcastPreference {
  preferredRid?: string;
  priorityOrdering?: 'none' | 'asciibetical';
  /** The older spelling of the fallback: `asciibetical` falls back over an ascii-betical ranking. */
  ridNotAvailable?: 'none' | 'asciibetical';
  /** The fallback as Cloudflare's OpenAPI file names it today. */
  ridUnavailableStrategy?: 'none' | 'nextPriority';
}

export interface TrackRequest {
  location: 'local' | 'remote';
  trackName?: string;
  mid?: string;
  sessionId?: string;
  kind?: 'audio' | 'video';
  bidirectionalMediaStream?: boolean;
  simulcast?: SimulcastPreference;
}

export interface NewTracksRequest {
  sessionDescription?: SessionDescriptionBody;
  tracks: TrackRequest[];
  autoDiscover: boolean;
}

export interface CloseTracksRequest {
  sessionDescription?: SessionDescriptionBody;
  tracks: { mid: string }[];
  force: boolean;
}

export interface UpdateTracksRequest {
  sessionDescription?: SessionDescriptionBody;
  tracks: { mid: string; simulcast: SimulcastPreference }[];
}

export interface DataChannelRequest {
  location: 'local' | 'remote';
  dataChannelName: string;
  sessionId?: string;
  ordered?: boolean;
  maxRetransmits?: number;
  maxPacketLifeTime?: number;
  /** Remote channels: hold delivery until the subscriber's first message (ignored on local ones). */
  waitForAck?: boolean;
  /** Remote channels only: this subscriber's messages go back to the publisher. */
  canReply?: boolean;
}

export interface TrackResult {
  location?: 'local' | 'remote';
  trackName?: string;
  mid?: string;
  sessionId?: string;
  kind?: 'audio' | 'video';
  simulcast?: SimulcastPreference;
  errorCode?: string;
  errorDescription?: string;
}

export interface DataChannelResult {
  location: 'local' | 'remote';
  dataChannelName: string;
  sessionId?: string;
  id?: number;
  errorCode?: string;
  errorDescription?: string;
}

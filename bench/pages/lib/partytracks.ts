// The baseline's media layer: the unmodified partytracks client pointed straight at the local SFU
// (as an app without calls-elements would, with its own proxy or the app secret in development).
import { PartyTracks } from 'partytracks/client';

export interface SfuAddress {
  apiBaseUrl: string;
  appId: string;
  appSecret: string;
}

export function partyTracksFor(sfu: SfuAddress): PartyTracks {
  return new PartyTracks({
    prefix: `${sfu.apiBaseUrl}/apps/${sfu.appId}`,
    iceServers: [],
    headers: new Headers({ authorization: `Bearer ${sfu.appSecret}` }),
  });
}

// Subscribes and resolves with the first value, keeping the subscription: partytracks pushes and
// pulls live exactly as long as someone is subscribed. `release` ends it. The browser tests' helper.
export { holdFirst as hold } from '../../../test/browser/helpers/sfu-client.js';

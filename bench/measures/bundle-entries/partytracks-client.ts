// Baseline: the media client an app would use directly (pulls in the rxjs it needs).
export { PartyTracks } from 'partytracks/client';

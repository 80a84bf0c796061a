/**
 * Shows a track in an element's `<video>`, and lets go of it when the element leaves the page.
 *
 * A `<video autoplay>` that is given a stream while it is out of the document starts playing there
 * and never stops: the browser pauses a media element when it is removed, not when it gets a
 * source afterwards, and a playing element is kept alive with everything around it (Chromium
 * counts it as a pending activity). That happens when a track arrives just before the element is
 * removed and its update runs just after, so a detached host never attaches a stream.
 */
export function showTrack(
  host: Element,
  video: HTMLVideoElement | null,
  track: MediaStreamTrack | undefined,
): void {
  if (!video) return;
  const wanted = host.isConnected ? track : undefined;
  const current = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
  if (current === wanted) return;
  video.srcObject = wanted ? new MediaStream([wanted]) : null;
}

/** Detaches the stream of a `<video>` (which also pauses it), for a host leaving the page. */
export function releaseVideo(video: HTMLVideoElement | null | undefined): void {
  if (video?.srcObject) video.srcObject = null;
}

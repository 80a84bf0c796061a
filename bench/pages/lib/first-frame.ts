// "First decoded remote frame": the moment Chromium hands a decoded frame of the track to a video
// element, as requestVideoFrameCallback reports it — the same definition for every contender.

export function attachVideo(track: MediaStreamTrack): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.width = 160;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  return video;
}

/** Resolves with performance.now() when `video` presents its first frame. */
export function firstFrameTime(video: HTMLVideoElement, timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no video frame within ${timeoutMs} ms`)), timeoutMs);
    video.requestVideoFrameCallback((now) => {
      clearTimeout(timer);
      resolve(now);
    });
  });
}

export function camera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
}

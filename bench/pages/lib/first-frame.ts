// "First decoded remote frame": the moment Chromium hands a decoded frame of the track to a video
// element, as requestVideoFrameCallback reports it — the same definition for every contender.

/** The width of the baseline's remote videos (CSS pixels). */
export const ATTACHED_VIDEO_WIDTH = 160;

export function attachVideo(track: MediaStreamTrack): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.width = ATTACHED_VIDEO_WIDTH;
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

/** Camera and microphone; the camera 640×360 unless `video` says otherwise. */
export function camera(video: MediaTrackConstraints = { width: 640, height: 360 }): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ video, audio: true });
}

// Evidence helpers for browser tests: they wait for things a person would see or hear (decoded
// frames, sound energy, RTP stats) instead of trusting that an API call "worked".

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  {
    timeout = 15_000,
    interval = 50,
    what = 'condition',
  }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Rejects with a clear message if `promise` does not settle within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Resolves once `video` has presented `count` new frames to the compositor (each one decoded),
 * with the metadata of the last one.
 */
export function waitForVideoFrames(
  video: HTMLVideoElement,
  count = 5,
  timeout = 15_000,
): Promise<VideoFrameCallbackMetadata> {
  const frames = new Promise<VideoFrameCallbackMetadata>((resolve) => {
    let seen = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      seen += 1;
      if (seen >= count) resolve(metadata);
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  return withTimeout(frames, timeout, `${count} video frames`);
}

/** Draws the current frame of `video` and returns the standard deviation of its luma (0 for a flat image). */
export function frameLumaSpread(video: HTMLVideoElement): number {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2d canvas context unavailable');
  context.drawImage(video, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  let sumOfSquares = 0;
  const pixels = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const luma = 0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0);
    sum += luma;
    sumOfSquares += luma * luma;
  }
  const mean = sum / pixels;
  return Math.sqrt(Math.max(0, sumOfSquares / pixels - mean * mean));
}

/**
 * Measures the loudest RMS level (0…1) of the audio in `stream` over `durationMs`. Chromium's fake
 * microphone beeps periodically, so listen long enough to catch a beep (about 1 s).
 */
export async function peakAudioRms(stream: MediaStream, durationMs = 1_500): Promise<number> {
  const context = new AudioContext();
  try {
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    const end = performance.now() + durationMs;
    while (performance.now() < end) {
      analyser.getFloatTimeDomainData(samples);
      let sumOfSquares = 0;
      for (const sample of samples) sumOfSquares += sample * sample;
      peak = Math.max(peak, Math.sqrt(sumOfSquares / samples.length));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return peak;
  } finally {
    await context.close();
  }
}

/** The `inbound-rtp` video report of `pc`, if there is one yet. */
export async function inboundVideoStats(
  pc: RTCPeerConnection,
): Promise<RTCInboundRtpStreamStats | undefined> {
  const report = await pc.getStats();
  for (const stats of report.values()) {
    if (stats.type === 'inbound-rtp' && stats.kind === 'video') return stats as RTCInboundRtpStreamStats;
  }
  return undefined;
}

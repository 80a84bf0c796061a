import { Observable } from 'rxjs';

/** How often levels are sampled: fast enough for a meter and for speech onset, cheap enough to run always. */
const SAMPLE_INTERVAL_MS = 50;

/**
 * The loudness (RMS, 0…1) of an audio track, sampled every 50 ms through Web Audio. The context
 * is resumed on the first user gesture when the browser starts it suspended.
 */
export function audioLevel$(track: MediaStreamTrack): Observable<number> {
  return new Observable<number>((subscriber) => {
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    const gestures = ['pointerdown', 'keydown'] as const;
    for (const gesture of gestures) document.addEventListener(gesture, resume, { capture: true, once: true });
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sumOfSquares = 0;
      for (const sample of samples) sumOfSquares += sample * sample;
      subscriber.next(Math.sqrt(sumOfSquares / samples.length));
    }, SAMPLE_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      for (const gesture of gestures) document.removeEventListener(gesture, resume, { capture: true });
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  });
}

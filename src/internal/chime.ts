/**
 * A short two-note chime, synthesised with Web Audio (nothing is fetched). Browsers keep an
 * AudioContext suspended until the page had a click or key press; then this stays silent.
 */
let context: AudioContext | undefined;

export function playChime(): void {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return;
  context ??= new AudioContextClass();
  const audio = context;
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.01;
  for (const [offset, frequency] of [
    [0, 880],
    [0.12, 1320],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.3);
  }
}

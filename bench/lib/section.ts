// Runs one measurement: times it, hands it a Resources bag that is always released, and turns
// a failure into a section with the error (and whatever figures it had) instead of a crash.
import type { Section } from './report.js';
import { Resources } from './resources.js';

export type SectionDraft = Omit<Section, 'seconds' | 'error'>;

export async function runSection(
  draft: SectionDraft,
  measure: (section: SectionDraft, resources: Resources) => Promise<void>,
): Promise<Section> {
  const started = performance.now();
  const resources = new Resources();
  let error: string | undefined;
  try {
    await measure(draft, resources);
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  } finally {
    await resources.release();
  }
  return { ...draft, seconds: (performance.now() - started) / 1000, ...(error ? { error } : {}) };
}

import type { Section } from '../lib/report.js';
export async function measureSfuCapacity(): Promise<Section> {
  throw new Error('todo');
}

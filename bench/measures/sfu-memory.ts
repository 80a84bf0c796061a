import type { Section } from '../lib/report.js';
export async function measureSfuMemory(): Promise<Section> {
  throw new Error('todo');
}

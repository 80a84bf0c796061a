// axe-core over the whole test page, through open shadow roots (axe walks them itself). axe's UMD
// build sets `window.axe` when loaded as a module in the page.
import 'axe-core/axe.js';
import type { AxeResults, Result } from 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** The impacts this project allows none of. */
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFindings {
  /** Serious and critical violations: each one fails the test. */
  blocking: Result[];
  /** Everything else axe reported, as `rule-id (impact) on <the first node>`. */
  other: string[];
}

/** A one-line description of each node that breaks `rule`, for a failure message. */
export function describeViolation(rule: Result): string {
  const nodes = rule.nodes.map((node) => `${node.target.join(' >>> ')}: ${node.failureSummary ?? ''}`);
  return `${rule.id} (${rule.impact}): ${rule.help}\n  ${nodes.join('\n  ')}`;
}

/** Runs axe over the document (WCAG 2.x A and AA rules plus axe's best practices). */
export async function runAxe(): Promise<AxeFindings> {
  await settledAnimations();
  const results: AxeResults = await window.axe.run(document, { resultTypes: ['violations'] });
  return {
    blocking: results.violations.filter((rule) => BLOCKING.has(rule.impact ?? '')),
    other: results.violations
      .filter((rule) => !BLOCKING.has(rule.impact ?? ''))
      .map((rule) => `${rule.id} (${rule.impact}) on ${rule.nodes[0]?.target.join(' >>> ')}`),
  };
}

/**
 * Waits for every finite animation in the page (shadow trees included) to end: axe reads colours
 * as painted, and a toast fading in is measured against a half-transparent background (seen: 2:1
 * on a toast 100 ms into its entrance). Endless ones (spinners) are left running.
 */
async function settledAnimations(): Promise<void> {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i]!.querySelectorAll('*'))
      if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const all = new Set(roots.flatMap((root) => root.getAnimations()));
  const finite = [...all].filter(
    (animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
  );
  await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
}

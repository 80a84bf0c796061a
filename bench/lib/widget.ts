// Whether the project's `<calls-room>` exists in the built script-tag bundle yet. The widget side
// of a measurement runs only when it does; otherwise the section says so and shows the baseline
// alone (never an invented number).
import type { BrowserContext } from 'playwright-core';
import type { PageServer } from './page-server.js';

export async function callsRoomAvailable(context: BrowserContext, pages: PageServer): Promise<boolean> {
  const page = await context.newPage();
  try {
    await page.goto(pages.pageUrl('blank', { withBundle: true }));
    return await page.evaluate(async () => {
      // The bundle is a module script; give it a moment to define its elements.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return customElements.get('calls-room') !== undefined;
    });
  } catch {
    return false;
  } finally {
    await page.close();
  }
}

export const WIDGET_UNAVAILABLE =
  '<calls-room> is not in dist/calls-elements.min.js yet: widget side unavailable, baseline only.';

/**
 * The `<calls-room>` side of a measurement: its outcome when the bundle has the element and the
 * run succeeds; otherwise null and the note that says why there is none.
 */
export async function widgetSide<T>(
  context: BrowserContext,
  pages: PageServer,
  run: () => Promise<T>,
): Promise<{ outcome: T | null; note: string | null }> {
  if (!(await callsRoomAvailable(context, pages))) {
    return {
      outcome: null,
      note: WIDGET_UNAVAILABLE,
    };
  }
  try {
    return { outcome: await run(), note: null };
  } catch (error) {
    return { outcome: null, note: `<calls-room> failed: ${error instanceof Error ? error.message : error}` };
  }
}

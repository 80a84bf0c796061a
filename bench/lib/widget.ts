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

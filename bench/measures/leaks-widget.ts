// The project side of the leak measurement: `<calls-room>` from the script-tag bundle, cycling in
// one page while another `<calls-room>` page stays in the room publishing.
import type { JoinWidgetPage } from '../pages/join-widget.js';
import type { LeakWidgetPage } from '../pages/leak-widget.js';
import { FRAME_TIMEOUT_MS, type LeakCycles, runCycles } from './leak-cycles.js';

export const widgetLeakCycles: LeakCycles = async (context, pages, stack, room) => {
  const config = { endpoint: stack.endpoint!, room };
  const host = await context.newPage();
  const cycler = await context.newPage();
  try {
    await host.goto(pages.pageUrl('join-widget', { withBundle: true }));
    await host.evaluate((c) => (window.bench as JoinWidgetPage).join(c), config);
    await host.evaluate(() => (window.bench as JoinWidgetPage).published());
    await cycler.goto(pages.pageUrl('leak-widget', { withBundle: true }));
    return await runCycles(context, cycler, (page) =>
      page.evaluate(([c, t]) => (window.bench as LeakWidgetPage).cycle(c, t), [
        config,
        FRAME_TIMEOUT_MS,
      ] as const),
    );
  } finally {
    await host.evaluate(() => (window.bench as JoinWidgetPage).leave()).catch(() => undefined);
    await host.close();
    await cycler.close();
  }
};

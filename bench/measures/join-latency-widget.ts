// The project side of the join-latency measurement: `<calls-room>` from the script-tag bundle, one
// per page, on the backend kit (Node adapter) in front of the same local SFU as the baseline.
import type { JoinWidgetPage } from '../pages/join-widget.js';
import { FRAME_TIMEOUT_MS, type JoinRun, leaveAndClose } from './join-run.js';

/** Runs whose tile already showed a frame when found (the figure is then up to a frame late). */
export let lateObservations = 0;

export const widgetJoinRun: JoinRun = async (context, pages, stack, room) => {
  const config = { endpoint: stack.endpoint!, room };
  const [host, joiner] = [await context.newPage(), await context.newPage()];
  try {
    for (const page of [host, joiner]) await page.goto(pages.pageUrl('join-widget', { withBundle: true }));
    await host.evaluate((c) => (window.bench as JoinWidgetPage).join(c), config);
    await host.evaluate(() => (window.bench as JoinWidgetPage).published());
    await joiner.evaluate((c) => (window.bench as JoinWidgetPage).join(c), config);
    const { ms, late } = await joiner.evaluate(
      (t) => (window.bench as JoinWidgetPage).firstRemoteFrameMs(t),
      FRAME_TIMEOUT_MS,
    );
    if (late) lateObservations++;
    return ms;
  } finally {
    await leaveAndClose([joiner, host], () => (window.bench as JoinWidgetPage).leave());
  }
};

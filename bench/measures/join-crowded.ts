// Join latency into a room that already has 8 people: from join() to the first decoded frame of
// anyone's video. The 8 are cheap publishers (bench/pages/crowd-publishers.ts) in their own
// Chromium, present for both sides: on the backend kit for `<calls-room>` (the join-widget page of
// the join measurement), and answering the bare relay for raw partytracks (its join-baseline page,
// which pulls every camera and microphone it is told about). Same runs, limits and statistics as
// the two-person join measurement (measureSides in join-latency.ts: baseline and widget runs alternate).
import { ALL_SIMULCAST_LAYERS_FLAG } from '../../test/browser/helpers/crowd-chromium.js';
import { runJoinSection } from '../lib/browser-bench.js';
import { launchChromium } from '../lib/chromium.js';
import type { Section } from '../lib/report.js';
import { withTimeout } from '../lib/timeout.js';
import { callsRoomAvailable, WIDGET_UNAVAILABLE } from '../lib/widget.js';
import type { CrowdPublishersPage } from '../pages/crowd-publishers.js';
import type { JoinBaselinePage } from '../pages/join-baseline.js';
import type { JoinWidgetPage } from '../pages/join-widget.js';
import type { BaselineMedia } from '../pages/lib/baseline-participant.js';
import { joinRows, measureSides, SAME_MEDIA } from './join-latency.js';
import { FRAME_TIMEOUT_MS, type JoinRun, leaveAndClose } from './join-run.js';

const PRESENT = 8;
const SETUP_TIMEOUT_MS = 120_000;

/** A joiner into `room` (every run joins the same room of 8; measureSides' own room name is unused). */
function widgetJoiner(room: string): JoinRun {
  return async (context, pages, stack) => {
    const joiner = await context.newPage();
    try {
      await joiner.goto(pages.pageUrl('join-widget', { withBundle: true }));
      await joiner.evaluate((c) => (window.bench as JoinWidgetPage).join(c), {
        endpoint: stack.endpoint!,
        room,
      });
      const { ms } = await joiner.evaluate(
        (t) => (window.bench as JoinWidgetPage).firstRemoteFrameMs(t),
        FRAME_TIMEOUT_MS,
      );
      return ms;
    } finally {
      await leaveAndClose([joiner], () => (window.bench as JoinWidgetPage).leave());
    }
  };
}

function baselineJoiner(room: string, media: BaselineMedia): JoinRun {
  return async (context, pages, stack) => {
    const joiner = await context.newPage();
    try {
      await joiner.goto(pages.pageUrl('join-baseline'));
      await joiner.evaluate((c) => (window.bench as JoinBaselinePage).join(c), {
        sfu: stack.sfu!,
        relayUrl: stack.relayUrl!,
        room,
        media,
      });
      return await joiner.evaluate(
        (t) => (window.bench as JoinBaselinePage).firstRemoteFrameMs(t),
        FRAME_TIMEOUT_MS,
      );
    } finally {
      await leaveAndClose([joiner], () => (window.bench as JoinBaselinePage).leave());
    }
  };
}

export function measureJoinCrowded(): Promise<Section> {
  return runJoinSection(
    'join-8',
    `Join latency with ${PRESENT} people already in the room: join() → first decoded remote video frame`,
    async (section, { stack, pages, context }) => {
      const publisherBrowser = await launchChromium([ALL_SIMULCAST_LAYERS_FLAG]);
      try {
        const room = `join8-${Date.now().toString(36)}`;
        const publishers = await publisherBrowser.context.newPage();
        await withTimeout(
          publishers.goto(pages.pageUrl('crowd-publishers')).then(() =>
            publishers.evaluate((c) => (window.bench as CrowdPublishersPage).join(c), {
              endpoint: stack.endpoint!,
              room,
              count: PRESENT,
              relayUrl: stack.relayUrl!,
            }),
          ),
          SETUP_TIMEOUT_MS,
          `${PRESENT} publishers joining`,
        );
        const available = await callsRoomAvailable(context, pages);
        if (!available) section.notes.push(WIDGET_UNAVAILABLE);
        const outcome = await measureSides(
          {
            baseline: baselineJoiner(room, 'light'),
            sameMedia: baselineJoiner(room, 'widget'),
            widget: available ? widgetJoiner(room) : null,
          },
          context,
          pages,
          stack,
          'join-8',
        );
        const { widget } = outcome;
        const baseline = outcome.baseline!;
        const sameMedia = outcome.sameMedia!;
        for (const side of [baseline, sameMedia, widget])
          for (const error of side?.errors ?? []) section.notes.push(error);
        section.figures.push(...joinRows(widget, baseline), ...joinRows(widget, sameMedia, SAME_MEDIA));
        section.notes.push(
          `${PRESENT} cheap publishers (320×180, 3 simulcast layers + mic) stay in one room for every run; the baseline joiner pulls all ${PRESENT} cameras and microphones, <calls-room> the cameras its grid shows and every microphone. The baseline joiner publishes a 640×360 camera in one layer; in the rows "${SAME_MEDIA}" it publishes what <calls-room> does (1280×720 in three simulcast layers).`,
        );
        section.details = outcome;
        await publishers.evaluate(() => (window.bench as CrowdPublishersPage).leave()).catch(() => undefined);
      } finally {
        await publisherBrowser.close();
      }
    },
  );
}

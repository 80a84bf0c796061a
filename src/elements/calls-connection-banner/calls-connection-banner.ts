import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { combineLatest, map, type Observable, of, switchMap, timer } from 'rxjs';
import type { ConnectionState, RetrySchedule } from '../../core/presence-client.js';
import { isDegraded } from '../../core/quality.js';
import type { MediaState } from '../../core/room.js';
import { CallsReconnectRequestEvent } from '../../events/reconnect-request.js';
import { defineElement } from '../../internal/define.js';
import { translationFor } from '../../internal/i18n.js';
import { RoomConsumer } from '../../internal/room-consumer.js';
import { subscribe } from '../../internal/subscribe.js';
import { bannerStyles } from './calls-connection-banner.styles.js';

/** What the banner says: nothing, a reconnect in progress, or a warning about your own upload. */
type BannerState =
  | { kind: 'hidden' }
  | { kind: 'reconnecting'; what: 'call' | 'media'; schedule: RetrySchedule | undefined; now: number }
  | { kind: 'upload-lossy' };

/**
 * Place it over a meeting, inside a `<calls-room>` (or anywhere with `room="<id>"`). It stays empty
 * while all is well. While the room has lost its backend connection or its audio and video it says
 * so, counts down to the next attempt (the room retries for as long as the page is open) and, once
 * the attempts have slowed to their longest interval, offers "Retry now", which sends a
 * `calls-reconnect-request`. While your own upload loses packets it warns that others may not see
 * or hear you well. Its live region (`role="status"`) announces each change politely.
 *
 * @summary Tells people when the call is reconnecting, with a manual retry, and when their own
 * connection is too poor for others to see and hear them well.
 *
 * @event {CallsReconnectRequestEvent} calls-reconnect-request - "Retry now" asks the room to
 *   reconnect at once; cancel it to keep waiting.
 *
 * @csspart base - The banner (`role="status"`); empty and invisible while all is well.
 * @csspart spinner - Turns while reconnecting (still under `prefers-reduced-motion`).
 * @csspart message - What is happening.
 * @csspart detail - When the next attempt is.
 * @csspart retry-button - "Retry now".
 *
 * @cssstate reconnecting - The room is reconnecting (to the backend, or its media).
 * @cssstate upload-lossy - Your own upload loses packets.
 *
 * @cssproperty --calls-banner-background - Behind the banner.
 * @cssproperty --calls-banner-foreground - The banner's text.
 * @cssproperty --calls-warning - Behind the banner while warning about your upload.
 * @cssproperty --calls-warning-foreground - Its text.
 * @cssproperty --calls-accent - The retry button and spinner.
 * @cssproperty --calls-accent-foreground - The retry button's text.
 * @cssproperty --calls-radius - Corner radius.
 * @cssproperty --calls-font-family - Font.
 * @cssproperty --calls-foreground - Text color, unless `--calls-banner-foreground` is set.
 */
export class CallsConnectionBannerElement extends LitElement {
  static override styles = bannerStyles;

  /** Id of the `<calls-room>` to report on, when it is not inside one. */
  @property({ reflect: true }) room?: string;

  @state() private shown: BannerState = { kind: 'hidden' };

  readonly #consumer = new RoomConsumer(this);
  readonly #internals: ElementInternals | undefined;

  constructor() {
    super();
    this.#internals = this.attachInternals?.();
    subscribe(
      this,
      () =>
        this.#consumer.room$.pipe(
          switchMap((room): Observable<BannerState> => {
            if (!room) return of({ kind: 'hidden' });
            return combineLatest([
              room.connectionState$,
              room.mediaState$,
              room.reconnectSchedule$,
              room.uploadQuality$,
            ]).pipe(
              switchMap(([connection, media, schedule, upload]) =>
                // A countdown needs a clock; nothing else does.
                schedule
                  ? timer(0, 1000).pipe(map(() => bannerState(connection, media, schedule, upload)))
                  : of(bannerState(connection, media, schedule, upload)),
              ),
            );
          }),
        ),
      (shown) => {
        this.shown = shown;
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('room')) this.#consumer.refresh();
    const states = this.#internals?.states;
    if (!states) return;
    try {
      states.delete('reconnecting');
      states.delete('upload-lossy');
      if (this.shown.kind !== 'hidden') states.add(this.shown.kind);
    } catch {
      // Older engines only accept `--name` custom states; styling by state is optional there.
    }
  }

  protected override render() {
    const t = translationFor(this);
    const shown = this.shown;
    let content: unknown = nothing;
    if (shown.kind === 'reconnecting') {
      const seconds = shown.schedule
        ? Math.max(0, Math.ceil((shown.schedule.at - shown.now) / 1000))
        : undefined;
      content = html`<span part="spinner" aria-hidden="true"></span>
        <span part="message">${shown.what === 'call' ? t.reconnecting : t.mediaReconnecting}</span>
        ${seconds === undefined ? nothing : html`<span part="detail">${t.nextAttemptIn(seconds)}</span>`}
        ${
          shown.what === 'media' || shown.schedule?.atCap
            ? html`<button part="retry-button" type="button" @click=${this.#retry}>${t.retryNow}</button>`
            : nothing
        }`;
    } else if (shown.kind === 'upload-lossy') {
      content = html`<span part="message">${t.uploadLossy}</span>`;
    }
    // Always rendered (and empty while all is well) so the live region exists before it speaks.
    return html`<div part="base" role="status" aria-live="polite">${content}</div>`;
  }

  #retry(): void {
    this.dispatchEvent(new CallsReconnectRequestEvent());
  }
}

function bannerState(
  connection: ConnectionState,
  media: MediaState,
  schedule: RetrySchedule | undefined,
  upload: Parameters<typeof isDegraded>[0],
): BannerState {
  if (connection === 'reconnecting') return { kind: 'reconnecting', what: 'call', schedule, now: Date.now() };
  if (connection === 'connected' && media === 'reconnecting') {
    return { kind: 'reconnecting', what: 'media', schedule: undefined, now: Date.now() };
  }
  if (connection === 'connected' && isDegraded(upload)) return { kind: 'upload-lossy' };
  return { kind: 'hidden' };
}

defineElement('calls-connection-banner', CallsConnectionBannerElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-connection-banner': CallsConnectionBannerElement;
  }
}

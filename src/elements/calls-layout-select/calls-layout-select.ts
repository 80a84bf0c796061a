import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { type CallsLayout, CallsLayoutChangeEvent } from '../../events/layout-change.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { gridIcon, speakerLayoutIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { layoutSelectStyles } from './calls-layout-select.styles.js';

/**
 * Two buttons, grid and speaker, the current one pressed. Pressing the other sends
 * `calls-layout-change` up; the room sets its `layout` unless a listener cancels the event. Place
 * it inside a `<calls-room>` (or anywhere with `room="<id>"`); the default meeting has one in its
 * control bar.
 *
 * @summary Switches the room between the grid and the speaker layout.
 *
 * @event {CallsLayoutChangeEvent} calls-layout-change - The person picked a layout: `detail.layout`
 *   is `grid` or `speaker`. Cancelable.
 *
 * @csspart group - The pair of buttons.
 * @csspart button - Each button; `aria-pressed` on the current one.
 * @csspart grid-button - The grid button.
 * @csspart speaker-button - The speaker button.
 * @csspart icon - The icon in each button.
 *
 * @cssproperty --calls-control-background - Behind the buttons.
 * @cssproperty --calls-control-foreground - The icons.
 * @cssproperty --calls-control-radius - Corner radius.
 * @cssproperty --calls-accent - The current layout's button.
 * @cssproperty --calls-accent-foreground - The current layout's icon.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsLayoutSelectElement extends CallsControlElement {
  static override styles = layoutSelectStyles;

  @state() private layout: CallsLayout = 'grid';

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromContext((context) => context.layout$, 'grid' as CallsLayout),
      (layout) => {
        this.layout = layout;
      },
    );
  }

  protected override render() {
    const t = this.t;
    const pressed = (layout: CallsLayout) => (this.layout === layout ? 'true' : 'false');
    return html`<div part="group" role="group" aria-label=${t.layout}>
      <button
        part="button grid-button"
        data-layout="grid"
        aria-pressed=${pressed('grid')}
        aria-label=${t.layoutGrid}
        title=${t.layoutGrid}
        @click=${() => this.#choose('grid')}
      >
        <span part="icon">${gridIcon}</span>
      </button>
      <button
        part="button speaker-button"
        data-layout="speaker"
        aria-pressed=${pressed('speaker')}
        aria-label=${t.layoutSpeaker}
        title=${t.layoutSpeaker}
        @click=${() => this.#choose('speaker')}
      >
        <span part="icon">${speakerLayoutIcon}</span>
      </button>
    </div>`;
  }

  #choose(layout: CallsLayout): void {
    if (layout !== this.layout) this.request(new CallsLayoutChangeEvent({ layout }));
  }
}

defineElement('calls-layout-select', CallsLayoutSelectElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-layout-select': CallsLayoutSelectElement;
  }
}

import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import '../calls-camera-button/calls-camera-button.js';
import '../calls-leave-button/calls-leave-button.js';
import '../calls-mic-button/calls-mic-button.js';
import { controlBarStyles } from './calls-control-bar.styles.js';

/**
 * Without children it holds the usual set: microphone, camera, screen share, settings and leave.
 * Put your own controls in it to replace the set (any kit control, or your own elements). It is a
 * toolbar: besides Tab, the arrow keys (and Home / End) move between its controls. Outside a room, its
 * `room="<id>"` reaches the default set; controls you put in it need their own `room`.
 *
 * `<calls-screen-share-button>` and `<calls-settings>` are referenced by tag name: when a page
 * loads only some of the kit, undefined controls simply do not show.
 *
 * @summary The bar of call controls.
 *
 * @slot - The controls; without any, the default set.
 *
 * @csspart bar - The toolbar.
 *
 * @cssproperty --calls-control-bar-background - Behind the controls.
 * @cssproperty --calls-control-bar-gap - Space between the controls.
 * @cssproperty --calls-gap - Space between the controls, unless `--calls-control-bar-gap` is set.
 * @cssproperty --calls-control-bar-padding - Space around the controls.
 * @cssproperty --calls-radius - Corner radius of the bar.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsControlBarElement extends CallsControlElement {
  static override styles = controlBarStyles;

  protected override render() {
    return html`<div part="bar" role="toolbar" aria-label=${this.t.callControls} @keydown=${this.#onKeyDown}>
      <slot @slotchange=${() => this.requestUpdate()}>
        ${
          // The default set only when the page gave none: hidden fallback controls would still
          // watch the room (and answer to queries and tests) beside the page's own.
          // (Lit's SSR shim has no children: it renders the default set.)
          (this.children?.length ?? 0) > 0
            ? nothing
            : html`<calls-mic-button room=${ifDefined(this.room)}></calls-mic-button>
                <calls-camera-button room=${ifDefined(this.room)}></calls-camera-button>
                <calls-screen-share-button room=${ifDefined(this.room)}></calls-screen-share-button>
                <calls-settings room=${ifDefined(this.room)}></calls-settings>
                <calls-leave-button room=${ifDefined(this.room)}></calls-leave-button>`
        }
      </slot>
    </div>`;
  }

  /** The controls shown now (slotted ones, or the default set), in order. */
  #controls(): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    return (slot?.assignedElements({ flatten: true }) ?? []).filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement &&
        element.localName.includes('-') &&
        customElements.get(element.localName) !== undefined &&
        element.getClientRects().length > 0,
    );
  }

  #onKeyDown(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    const controls = this.#controls();
    if (controls.length === 0) return;
    const path = event.composedPath();
    const current = controls.findIndex((control) => path.includes(control));
    const next =
      step === -Infinity
        ? 0
        : step === Infinity
          ? controls.length - 1
          : (Math.max(0, current) + step + controls.length) % controls.length;
    event.preventDefault();
    controls[next]?.focus();
  }
}

defineElement('calls-control-bar', CallsControlBarElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-control-bar': CallsControlBarElement;
  }
}

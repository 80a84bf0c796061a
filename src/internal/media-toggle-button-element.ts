import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Observable } from 'rxjs';
import type { LocalMedia } from '../core/local-media.js';
import { CallsButtonElement } from './button-element.js';
import type { Translation } from './i18n.js';
import { type ShortcutAction, shortcutText } from './shortcuts.js';
import { subscribe } from './subscribe.js';

/** What tells the microphone button from the camera button; the behaviour is one. */
export interface MediaToggle {
  /** Whether the device is on, as the room's local media says. */
  enabled$(media: LocalMedia): Observable<boolean>;
  /** The accessible name, and the tooltip's state words. */
  strings(t: Translation): { label: string; on: string; off: string };
  icons: { on: TemplateResult; off: TemplateResult };
  shortcut: ShortcutAction;
  /** The request a press sends: turn the device to `enabled`. */
  request(enabled: boolean): Event;
}

/**
 * An icon-only toggle for one local device (`<calls-mic-button>`, `<calls-camera-button>`): it shows
 * the device's state from the room and asks for the opposite on a press.
 */
export abstract class CallsMediaToggleButtonElement extends CallsButtonElement {
  @state() private on = false;

  constructor(private readonly toggle: MediaToggle) {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromMedia((media) => toggle.enabled$(media), false),
      (on) => {
        this.on = on;
      },
    );
  }

  protected override label(): string {
    return this.toggle.strings(this.t).label;
  }

  protected override tooltip(): string {
    const strings = this.toggle.strings(this.t);
    return `${this.on ? strings.on : strings.off} (${shortcutText(this.toggle.shortcut)})`;
  }

  protected override icon() {
    return this.on ? this.toggle.icons.on : this.toggle.icons.off;
  }

  protected override pressed(): boolean {
    return this.on;
  }

  protected override createRequest(): Event {
    return this.toggle.request(!this.on);
  }
}

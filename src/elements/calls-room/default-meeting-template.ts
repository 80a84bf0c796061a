import { html } from 'lit';
import '../calls-left-screen/calls-left-screen.js';
import '../calls-lobby/calls-lobby.js';
import '../calls-status/calls-status.js';
import { type DefaultMeetingTemplate, provideDefaultMeeting } from './default-meeting-registry.js';
import { meetingCallTemplate } from './meeting-template.js';

/**
 * `<calls-room>`'s default meeting, made of kit elements only, the same ones a page composes by
 * hand: the lobby, the call (shared with `<calls-meeting>`), the screen after leaving.
 */
export const defaultMeetingTemplate: DefaultMeetingTemplate = (stage, layout, joining) =>
  stage === 'lobby'
    ? joining
      ? html`<calls-status part="joining"></calls-status>`
      : html`<calls-lobby part="lobby"></calls-lobby>`
    : stage === 'left'
      ? html`<calls-left-screen part="left-screen"></calls-left-screen>`
      : meetingCallTemplate(layout);

provideDefaultMeeting(defaultMeetingTemplate);

// An Angular host: the room picker changes `room` at run time, the token is a property binding
// (`[token]`), and events arrive through `(calls-*)` bindings. Angular types `$event` from
// HTMLElementEventMap, which calls-elements augments, so the handlers below take the typed events.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type {
  CallsErrorEvent,
  CallsJoinedEvent,
  CallsLeftEvent,
  CallsParticipantJoinedEvent,
  CallsRoomChangeEvent,
} from 'calls-elements';

const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>calls-elements in Angular</h1>
      <label>
        Room
        <select id="room-picker" [value]="room()" (change)="pick($event)">
          @for (name of rooms; track name) {
            <option [value]="name">{{ name }}</option>
          }
        </select>
      </label>
      <calls-room
        [endpoint]="endpoint"
        [room]="room()"
        [token]="token"
        autojoin
        style="display: block; height: 420px"
        (calls-joined)="joined($event)"
        (calls-room-change)="roomChanged($event)"
        (calls-left)="left($event)"
        (calls-participant-joined)="participantJoined($event)"
        (calls-error)="failed($event)"
      ></calls-room>
      <ol id="events">
        @for (line of events(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </main>
  `,
})
export class App {
  readonly rooms = (params.get('rooms') ?? 'standup,design').split(',');
  // A real app gets this from its own sign-in; the demo takes it from the URL.
  readonly token = params.get('token') ?? undefined;
  readonly endpoint = params.get('endpoint') ?? '/calls';
  readonly room = signal(this.rooms[0]);
  readonly events = signal<string[]>([]);

  pick(event: Event): void {
    this.room.set((event.target as HTMLSelectElement).value);
  }

  joined(event: CallsJoinedEvent): void {
    this.log(`joined ${event.detail.room}`);
  }

  roomChanged(event: CallsRoomChangeEvent): void {
    this.log(`room-change ${event.detail.from.room} to ${event.detail.to.room}`);
  }

  left(event: CallsLeftEvent): void {
    this.log(`left ${event.detail.reason}`);
  }

  participantJoined(event: CallsParticipantJoinedEvent): void {
    this.log(`participant-joined ${event.detail.participant.name}`);
  }

  failed(event: CallsErrorEvent): void {
    this.log(`error ${event.detail.code}`);
  }

  private log(line: string): void {
    this.events.update((lines) => [...lines, line]);
  }
}

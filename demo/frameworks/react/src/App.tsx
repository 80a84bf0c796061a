// A React 19 host: the room picker changes `room` at run time, the token is a prop (React 19 sets it
// as a property before the element connects, so the first join already carries it), and the
// element's events land in the page through `oncalls-*` props, typed by calls-elements/types/react
// (no annotations needed: `event` is a CallsJoinedEvent, …).
import type {} from 'calls-elements/types/react';
import { useCallback, useState } from 'react';
import { WrappedRoom } from './WrappedRoom';

const params = new URLSearchParams(location.search);
const rooms = (params.get('rooms') ?? 'standup,design').split(',');
// A real app gets this from its own sign-in; the demo takes it from the URL.
const token = params.get('token') ?? undefined;
const endpoint = params.get('endpoint') ?? '/calls';
// `?via=wrapper` renders the same room through the @lit/react wrapper instead of the plain tag.
const viaWrapper = params.get('via') === 'wrapper';

export function App() {
  const [room, setRoom] = useState(rooms[0]);
  const [events, setEvents] = useState<{ id: number; line: string }[]>([]);
  const log = useCallback(
    (line: string) => setEvents((previous) => [...previous, { id: previous.length, line }]),
    [],
  );

  return (
    <main>
      <h1>calls-elements in React</h1>
      <label>
        Room{' '}
        <select id="room-picker" value={room} onChange={(event) => setRoom(event.target.value)}>
          {rooms.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {viaWrapper ? (
        <WrappedRoom room={room} token={token} log={log} />
      ) : (
        <calls-room
          endpoint={endpoint}
          room={room}
          token={token}
          autojoin
          style={{ display: 'block', height: '420px' }}
          oncalls-joined={(event) => log(`joined ${event.detail.room}`)}
          oncalls-room-change={(event) =>
            log(`room-change ${event.detail.from.room} to ${event.detail.to.room}`)
          }
          oncalls-left={(event) => log(`left ${event.detail.reason}`)}
          oncalls-participant-joined={(event) => log(`participant-joined ${event.detail.participant.name}`)}
          oncalls-error={(event) => log(`error ${event.detail.code}`)}
        />
      )}
      <ol id="events">
        {events.map(({ id, line }) => (
          <li key={id}>{line}</li>
        ))}
      </ol>
    </main>
  );
}

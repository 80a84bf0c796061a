// The same room through the @lit/react wrappers at calls-elements/react, for React versions before
// 19 (or anyone who prefers camelCase event props): `onCallsJoined` gets a typed CallsJoinedEvent.
import { CallsRoom } from 'calls-elements/react';

export function WrappedRoom({
  room,
  token,
  log,
}: {
  room: string;
  token?: string;
  log: (line: string) => void;
}) {
  const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/calls';
  return (
    <CallsRoom
      endpoint={endpoint}
      room={room}
      token={token}
      autojoin
      style={{ display: 'block', height: '420px' }}
      onCallsJoined={(event) => log(`joined ${event.detail.room}`)}
      onCallsRoomChange={(event) => log(`room-change ${event.detail.from.room} to ${event.detail.to.room}`)}
      onCallsLeft={(event) => log(`left ${event.detail.reason}`)}
      onCallsParticipantJoined={(event) => log(`participant-joined ${event.detail.participant.name}`)}
      onCallsError={(event) => log(`error ${event.detail.code}`)}
    />
  );
}

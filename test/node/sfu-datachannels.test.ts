/** Pure pieces of the SFU's data channels: the DTLS record-number fix and request validation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highestEpochOneSequence } from '../../src/sfu/dtls-record-numbers.js';
import { CallsError } from '../../src/sfu/errors.js';
import { parseDataChannels } from '../../src/sfu/request-validation.js';

/** A serialized DTLS record header (and `length` bytes of body) of `epoch` and `sequence`. */
function record(epoch: number, sequence: number, length = 4): Buffer {
  const buffer = Buffer.alloc(13 + length);
  buffer.writeUInt8(22, 0);
  buffer.writeUInt16BE(0xfefd, 1);
  buffer.writeUInt16BE(epoch, 3);
  buffer.writeUIntBE(sequence, 5, 6);
  buffer.writeUInt16BE(length, 11);
  return buffer;
}

describe('DTLS record numbers after the handshake', () => {
  it('finds the Finished record’s sequence number in the last flight', () => {
    // werift's flight 6: ChangeCipherSpec (epoch 0), then Finished (epoch 1) with seq 6.
    assert.equal(highestEpochOneSequence([record(0, 5, 1), record(1, 6, 40)]), 6);
  });

  it('reads every record of a buffer that holds several', () => {
    const flight = Buffer.concat([record(0, 1), record(0, 2), record(1, 3, 24)]);
    assert.equal(highestEpochOneSequence([flight]), 3);
  });

  it('is undefined when the flight has no epoch-1 record', () => {
    assert.equal(highestEpochOneSequence([record(0, 1), record(0, 2)]), undefined);
    assert.equal(highestEpochOneSequence([]), undefined);
  });

  it('stops at a truncated header instead of reading past the buffer', () => {
    assert.equal(highestEpochOneSequence([Buffer.concat([record(1, 9), Buffer.alloc(5)])]), 9);
  });
});

/** Asserts that `body` is refused as Calls refuses it: 406 invalid_params naming `field`. */
function refused(body: Record<string, unknown>, field: RegExp): void {
  assert.throws(
    () => parseDataChannels(body),
    (error: unknown) =>
      error instanceof CallsError &&
      error.status === 406 &&
      error.toJSON().errorCode === 'invalid_params' &&
      field.test(error.toJSON().errorDescription),
  );
}

const publisher = 'a'.repeat(32);

describe('datachannels/new validation', () => {
  it('keeps the reliability and subscriber options it was given', () => {
    const [local, remote] = parseDataChannels({
      dataChannels: [
        { location: 'local', dataChannelName: 'chat', ordered: false, maxRetransmits: 0 },
        {
          location: 'remote',
          dataChannelName: 'chat',
          sessionId: publisher,
          waitForAck: true,
          canReply: true,
        },
      ],
    });
    assert.equal(local.ordered, false);
    assert.equal(local.maxRetransmits, 0);
    assert.equal(remote.waitForAck, true);
    assert.equal(remote.canReply, true);
  });

  it('ignores waitForAck on a local channel, as Cloudflare documents', () => {
    const [local] = parseDataChannels({
      dataChannels: [{ location: 'local', dataChannelName: 'chat', waitForAck: true }],
    });
    assert.equal(local.location, 'local');
  });

  it('refuses canReply on a local channel', () => {
    refused({ dataChannels: [{ location: 'local', dataChannelName: 'chat', canReply: true }] }, /canReply/);
  });

  it('refuses both maxRetransmits and maxPacketLifeTime', () => {
    refused(
      {
        dataChannels: [
          { location: 'local', dataChannelName: 'chat', maxRetransmits: 1, maxPacketLifeTime: 100 },
        ],
      },
      /maxRetransmits or maxPacketLifeTime/,
    );
  });

  it('refuses options of the wrong type', () => {
    const remote = { location: 'remote', dataChannelName: 'chat', sessionId: publisher };
    refused({ dataChannels: [{ ...remote, waitForAck: 'yes' }] }, /waitForAck must be a boolean/);
    refused({ dataChannels: [{ ...remote, canReply: 1 }] }, /canReply must be a boolean/);
    refused({ dataChannels: [{ ...remote, ordered: 'false' }] }, /ordered must be a boolean/);
    refused({ dataChannels: [{ ...remote, maxRetransmits: -1 }] }, /maxRetransmits/);
    refused({ dataChannels: [{ ...remote, maxPacketLifeTime: 1.5 }] }, /maxPacketLifeTime/);
  });

  it('refuses a remote channel without the publisher’s session', () => {
    refused({ dataChannels: [{ location: 'remote', dataChannelName: 'chat' }] }, /sessionId/);
  });
});

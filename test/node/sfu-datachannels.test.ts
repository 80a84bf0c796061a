/** Pure pieces of the SFU's data channels: the DTLS record-number fix and request validation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highestEpochOneSequence } from '../../src/sfu/dtls-record-numbers.js';

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

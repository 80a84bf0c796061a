// Node side: writes a camera-like 1280x720 Y4M clip for Chromium's file-backed fake camera.
// The built-in fake camera draws a flat, mostly static picture that VP8 compresses to well under
// 1 Mbit/s whatever bandwidth it is given; a real camera's sensor grain does not compress like
// that. This clip (a moving gradient with per-frame grain) makes the encoder spend the bitrate
// its estimate allows, which is what the send-bitrate test measures.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = 30;

/** Path of the clip, written on first use (about 41 MB in the system temp directory). */
export function cameraClipPath(): string {
  const path = join(tmpdir(), `calls-elements-camera-${WIDTH}x${HEIGHT}-v1.y4m`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.partial`;
  const file = openSync(partial, 'w');
  try {
    writeSync(file, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
    const chroma = Buffer.alloc((WIDTH * HEIGHT) / 2, 128);
    for (let frame = 0; frame < FRAMES; frame++) {
      const luma = randomBytes(WIDTH * HEIGHT);
      for (let row = 0; row < HEIGHT; row++) {
        for (let column = 0; column < WIDTH; column++) {
          const index = row * WIDTH + column;
          const gradient = (column + row + frame * 8) & 0xff;
          luma[index] = (gradient * 3 + luma[index]) >> 2;
        }
      }
      writeSync(file, 'FRAME\n');
      writeSync(file, luma);
      writeSync(file, chroma);
    }
  } finally {
    closeSync(file);
  }
  renameSync(partial, path);
  return path;
}

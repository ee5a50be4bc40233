import { randomFillSync } from 'node:crypto';

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter that keeps ids made in
// the same millisecond in order (method 1), variant bits, then 62 random bits. Randomness comes
// from a pooled buffer: one system call per 4096 ids instead of one per id, which is what bulk
// writes (100,000 leads, each with several ids) spend most of their time on otherwise.
const POOL_IDS = 4096;
const pool = Buffer.alloc(POOL_IDS * 10);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const newId = (now: number = Date.now()): string => {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const r = poolOffset;
  poolOffset += 10;
  let ms = Math.max(now, lastMs);
  if (ms === lastMs) {
    counter += 1;
    // Counter exhausted within one millisecond: borrow the next millisecond to stay ordered.
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = pool[r]! & 0x3ff; // random start, leaving room to count up
  }
  lastMs = ms;
  const b = [
    Math.floor(ms / 2 ** 40) & 0xff,
    Math.floor(ms / 2 ** 32) & 0xff,
    (ms >>> 24) & 0xff,
    (ms >>> 16) & 0xff,
    (ms >>> 8) & 0xff,
    ms & 0xff,
    0x70 | (counter >>> 8),
    counter & 0xff,
    0x80 | (pool[r + 1]! & 0x3f),
    pool[r + 2]!,
    pool[r + 3]!,
    pool[r + 4]!,
    pool[r + 5]!,
    pool[r + 6]!,
    pool[r + 7]!,
    pool[r + 8]!,
  ].map((x) => HEX[x]!);
  return `${b[0]}${b[1]}${b[2]}${b[3]}-${b[4]}${b[5]}-${b[6]}${b[7]}-${b[8]}${b[9]}-${b[10]}${b[11]}${b[12]}${b[13]}${b[14]}${b[15]}`;
};

// A map from strings (duplicate keys) to int32 values that stores a 128-bit hash of each key in
// typed arrays instead of the key itself: 20 bytes a slot and nothing for the garbage collector,
// so the keys of a file with a million rows take tens of MB instead of hundreds.
// Two different keys with the same 128-bit hash would be taken for the same key. Among the ~3
// million keys of a million-row import the chance of that is about 1 in 10^25 (n² / 2^129).

const EMPTY = -0x80000000; // never a value: values are row indexes or -(store index + 1)

// The four 32-bit lanes of a key's hash, written into `out`.
export type KeyHash = (key: string, out: Int32Array) => void;

// Four independent 32-bit hashes of the UTF-16 code units in one pass: each lane has its own seed
// and multiplier, and murmur3's finaliser mixes it at the end.
const finish = (h: number, m1: number, m2: number): number => {
  h = Math.imul(h ^ (h >>> 16), m1);
  h = Math.imul(h ^ (h >>> 13), m2);
  return (h ^ (h >>> 16)) | 0;
};

export const keyHash128: KeyHash = (s, out) => {
  const n = s.length;
  let a = 0x9747b28c ^ n;
  let b = 0x2f0b3c1d ^ Math.imul(n, 0x27d4eb2d);
  let c = 0x68e31da4 ^ Math.imul(n, 0x165667b1);
  let d = 0x1b873593 ^ Math.imul(n, 0xcc9e2d51);
  for (let i = 0; i < n; i++) {
    const k = s.charCodeAt(i);
    a = Math.imul(a ^ k, 0x5bd1e995) ^ (a >>> 13);
    b = Math.imul(b + k, 0x01000193) ^ (b >>> 15);
    c = Math.imul(c ^ k, 0x85ebca77) ^ (c >>> 11);
    d = Math.imul(d + k, 0xc2b2ae3d) ^ (d >>> 17);
  }
  out[0] = finish(a, 0x85ebca6b, 0xc2b2ae35);
  out[1] = finish(b, 0x7feb352d, 0x846ca68b);
  out[2] = finish(c, 0x21f0aaad, 0x735a2d97);
  out[3] = finish(d, 0x9e3779b1, 0x27d4eb2f);
};

const LANES = 4;

export const createKeyTable = (initialSlots = 1 << 12, hash: KeyHash = keyHash128) => {
  let slots = initialSlots;
  // Lane j of slot i is hashes[i * 4 + j].
  let hashes = new Int32Array(slots * LANES);
  let values = new Int32Array(slots).fill(EMPTY);
  let size = 0;
  const h = new Int32Array(LANES);

  // The slot holding the hash in `at` (of `from`), or the empty slot where it belongs.
  const find = (from: Int32Array, at: number): number => {
    const mask = slots - 1;
    const [h0, h1, h2, h3] = [from[at]!, from[at + 1]!, from[at + 2]!, from[at + 3]!];
    let i = (h0 ^ Math.imul(h1, 0x9e3779b1)) & mask;
    for (;;) {
      if (values[i] === EMPTY) return i;
      const o = i * LANES;
      if (hashes[o] === h0 && hashes[o + 1] === h1 && hashes[o + 2] === h2 && hashes[o + 3] === h3) return i;
      i = (i + 1) & mask;
    }
  };

  const grow = (): void => {
    const [oldHashes, oldValues] = [hashes, values];
    slots *= 2;
    hashes = new Int32Array(slots * LANES);
    values = new Int32Array(slots).fill(EMPTY);
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === EMPTY) continue;
      const j = find(oldHashes, i * LANES);
      hashes.set(oldHashes.subarray(i * LANES, i * LANES + LANES), j * LANES);
      values[j] = oldValues[i]!;
    }
  };

  return {
    get(key: string): number | undefined {
      hash(key, h);
      const value = values[find(h, 0)]!;
      return value === EMPTY ? undefined : value;
    },
    // Sets the value unless the key already has one (the first occurrence of a key wins), or always.
    set(key: string, value: number, replace = true): void {
      hash(key, h);
      let i = find(h, 0);
      if (values[i] !== EMPTY) {
        if (replace) values[i] = value;
        return;
      }
      // Half full at most keeps probe runs short.
      if ((size + 1) * 2 > slots) {
        grow();
        i = find(h, 0);
      }
      hashes.set(h, i * LANES);
      values[i] = value;
      size += 1;
    },
    get size(): number {
      return size;
    },
  };
};

// A map from strings (duplicate keys) to int32 values that stores a 64-bit hash of each key in
// typed arrays instead of the key itself: 12 bytes a slot and nothing for the garbage collector, so
// the keys of a file with a million rows take tens of MB instead of hundreds.
// Two different keys with the same 64-bit hash would be taken for the same key. Among the ~3
// million keys of a million-row import the chance of that is about 1 in 4 million (n² / 2^65).

const EMPTY = -0x80000000; // never a value: values are row indexes or -(store index + 1)

// Two independent 32-bit hashes of the UTF-16 code units (multiply-xorshift, murmur3's finaliser).
const hashA = (s: string): number => {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995) ^ (h >>> 13);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
};

const hashB = (s: string): number => {
  let h = 0x2f0b3c1d ^ Math.imul(s.length, 0x27d4eb2d);
  for (let i = 0; i < s.length; i++) h = Math.imul(h + s.charCodeAt(i), 0x01000193) ^ (h >>> 15);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
};

export const createKeyTable = (initialSlots = 1 << 12) => {
  let slots = initialSlots;
  let a = new Int32Array(slots);
  let b = new Int32Array(slots);
  let values = new Int32Array(slots).fill(EMPTY);
  let size = 0;

  // The slot holding (ha, hb), or the empty slot where it belongs.
  const find = (ha: number, hb: number): number => {
    const mask = slots - 1;
    let i = (ha ^ Math.imul(hb, 0x9e3779b1)) & mask;
    while (values[i] !== EMPTY && (a[i] !== ha || b[i] !== hb)) i = (i + 1) & mask;
    return i;
  };

  const grow = (): void => {
    const [oldA, oldB, oldValues] = [a, b, values];
    slots *= 2;
    a = new Int32Array(slots);
    b = new Int32Array(slots);
    values = new Int32Array(slots).fill(EMPTY);
    for (let i = 0; i < oldValues.length; i++) {
      if (oldValues[i] === EMPTY) continue;
      const j = find(oldA[i]!, oldB[i]!);
      a[j] = oldA[i]!;
      b[j] = oldB[i]!;
      values[j] = oldValues[i]!;
    }
  };

  return {
    get(key: string): number | undefined {
      const value = values[find(hashA(key), hashB(key))]!;
      return value === EMPTY ? undefined : value;
    },
    // Sets the value unless the key already has one (the first occurrence of a key wins), or always.
    set(key: string, value: number, replace = true): void {
      const ha = hashA(key);
      const hb = hashB(key);
      let i = find(ha, hb);
      if (values[i] !== EMPTY) {
        if (replace) values[i] = value;
        return;
      }
      // Half full at most keeps probe runs short.
      if ((size + 1) * 2 > slots) {
        grow();
        i = find(ha, hb);
      }
      a[i] = ha;
      b[i] = hb;
      values[i] = value;
      size += 1;
    },
    get size(): number {
      return size;
    },
  };
};

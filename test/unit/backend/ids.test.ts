import { describe, expect, it } from 'vitest';
import { newId } from '../../../electron/backend/db/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('UUIDv7 ids', () => {
  it('have the RFC 9562 layout with the time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 23, 3, 4, 5, 678);
    const id = newId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('are unique and sort in creation order, even many within one millisecond', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 20_000 }, () => newId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('never go backwards when the clock does', () => {
    const later = newId(Date.UTC(2031, 0, 1));
    const earlier = newId(Date.UTC(2020, 0, 1));
    expect(earlier > later).toBe(true);
  });
});

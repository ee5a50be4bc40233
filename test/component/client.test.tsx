import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api/api-error';
import { invoke, onEvent } from '../../renderer/api/client';
import { createFakeBridge } from './fake-bridge';

const original = window.bantam;
afterEach(() => {
  window.bantam = original;
});

describe('api client', () => {
  it('returns the value of an ok envelope', async () => {
    window.bantam = createFakeBridge(4);
    const page = await invoke('leads.list', { offset: 0, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows).toHaveLength(2);
  });

  it('throws an ApiError carrying code, messageKey, params and issues for {ok:false}', async () => {
    const bridge = createFakeBridge(1);
    bridge.failNext.set('store.backup', {
      code: 'conflict',
      message: 'exists',
      messageKey: 'errors.backup.exists',
      params: { path: '/tmp/x.db' },
      issues: [{ path: 'path', message: 'taken' }],
    });
    window.bantam = bridge;
    const error = await invoke('store.backup', { path: '/tmp/x.db' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'conflict',
      messageKey: 'errors.backup.exists',
      params: { path: '/tmp/x.db' },
      issues: [{ path: 'path', message: 'taken' }],
    });
  });

  it('turns a rejected bridge call into an internal ApiError with errors.network', async () => {
    const bridge = createFakeBridge(1);
    bridge.failNext.set('store.info', 'reject');
    window.bantam = bridge;
    const error = await invoke('store.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'internal', messageKey: 'errors.network' });
  });

  it('treats a missing bridge as unreachable, and onEvent as a no-op', async () => {
    (window as { bantam?: unknown }).bantam = undefined;
    await expect(invoke('settings.get', {})).rejects.toMatchObject({ messageKey: 'errors.network' });
    expect(typeof onEvent(() => {})).toBe('function');
  });

  it('delivers pushed events until unsubscribed', () => {
    const bridge = createFakeBridge(0);
    window.bantam = bridge;
    const seen: string[] = [];
    const off = onEvent((event) => seen.push(event.name));
    bridge.emit({ name: 'leads.changed', payload: { reason: 'created' } });
    off();
    bridge.emit({ name: 'leads.changed', payload: { reason: 'created' } });
    expect(seen).toEqual(['leads.changed']);
  });
});

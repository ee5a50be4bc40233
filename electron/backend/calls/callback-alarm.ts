import type { BackendContext } from '../context';
import type { CallbackRepository } from './callbacks';

// setTimeout's longest delay (about 24.8 days); a later callback re-arms when this one fires.
const MAX_DELAY_MS = 2 ** 31 - 1;

// Emits `callback.due` when an open callback falls due, so the host can show a system
// notification even with the window in the background. Each callback is announced once per run;
// those that fell due while the app was closed are announced once, right after start. The timer
// never keeps the process alive.
export const createCallbackAlarm = (ctx: BackendContext, callbacks: CallbackRepository, missedMinutes: () => number) => {
  // Callbacks due at or before this instant were announced.
  let announcedThrough = '';
  let timer: NodeJS.Timeout | undefined;

  const check = (): void => {
    if (!ctx.store.db.open) return;
    const now = ctx.now().toISOString();
    for (const callback of callbacks.dueBetween(announcedThrough, now, missedMinutes())) ctx.emit({ name: 'callback.due', payload: callback });
    announcedThrough = now;
    arm();
  };

  const arm = (): void => {
    clearTimeout(timer);
    if (!ctx.store.db.open) return;
    const next = callbacks.nextDueAfter(announcedThrough || ctx.now().toISOString());
    // At start, the catch-up runs on the next turn of the event loop, once the host has subscribed.
    const delay = announcedThrough === '' ? 0 : next === null ? null : Math.min(MAX_DELAY_MS, Math.max(0, Date.parse(next) - ctx.now().getTime()));
    if (delay === null) return;
    timer = setTimeout(check, delay);
    timer.unref();
  };

  return {
    // After any change to callbacks, and whenever the clock may have moved (the queue is read).
    check,
    rearm: arm,
    stop: (): void => clearTimeout(timer),
  };
};

export type CallbackAlarm = ReturnType<typeof createCallbackAlarm>;

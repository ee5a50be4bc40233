import { performance } from 'node:perf_hooks';

// Watches this thread while work runs elsewhere: the longest it was busy between two ticks of a
// 25 ms timer, which is what a click would wait for. Busy, not late: on a loaded machine a tick can
// come late while the thread sat idle, which is no stall. `onTick` runs on every tick.
export const sampleBusy = (onTick: () => void = () => {}) => {
  let busyMax = 0;
  let elu = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    busyMax = Math.max(busyMax, performance.eventLoopUtilization(now, elu).active);
    elu = now;
    onTick();
  }, 25);
  return {
    // Stops sampling; the longest busy stretch seen, in ms.
    stop: (): number => {
      clearInterval(timer);
      return busyMax;
    },
  };
};

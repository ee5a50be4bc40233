import { createBackend } from './electron/backend';
import { silentLogger } from './electron/backend/log';
import { createQueueReads } from './electron/backend/queue/queue-reads';
import { queueInput } from './shared/api/calls';
import { DEFAULT_CALLING_RULES } from './shared/domain/calling';
import { orderQueue } from './shared/domain/queue-order';

const now = new Date('2026-11-24T10:30:00+09:00');
const backend = createBackend({ dbPath: '/tmp/qstore/bantam.sqlite', preferencesPath: '/tmp/qstore/p.json', log: silentLogger, now: () => now });
const db = backend.ctx.store.db;
const reads = createQueueReads(db);
const time = (label: string, fn: () => unknown, n = 20) => {
  for (let i = 0; i < 3; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(label, ((performance.now() - t) / n).toFixed(2), 'ms');
};
for (const limit of [50, 500]) {
  const input = queueInput.parse({ limit });
  const opts = { now, me: 'local', limit, rules: DEFAULT_CALLING_RULES };
  let leads: any[] = [];
  time(`candidates ${limit}`, () => (leads = reads.candidates(input, opts)));
  console.log(' rows', leads.length);
  time(`order ${limit}`, () => orderQueue(leads, DEFAULT_CALLING_RULES, now, { inCall: new Set(), limit }));
  time(`queue.get ${limit}`, () => backend.handlers['queue.get'](input));
}
backend.close();

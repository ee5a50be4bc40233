import type { TFunction } from 'i18next';
import type { CallLog, QueueView } from '../../shared/api/calls';
import type { HeldEntry, QueueEntry, QueueHold, QueueReason } from '../../shared/domain/calling';
import { jstInstant } from '../../shared/domain/business-time';
import { createI18n } from '../../shared/i18n';
import { queueHoldText, queueReasonText } from '../../shared/i18n/queue-text';
import type { Backend } from '../backend';
import { unwrap, UsageError, type CliValues } from './common';

const HOUR_MS = 60 * 60 * 1000;

// The CLI speaks English like the rest of its output; the words come from the app's catalog.
export const english = (): Promise<TFunction> => createI18n('en').then((i18n) => i18n.t.bind(i18n));

// Times in JST, as the reps read them: 2026-11-24 10:00.
export const jstTime = (iso: string | null, t: TFunction): string =>
  iso === null ? t('call.why.never') : new Date(Date.parse(iso) + 9 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

export const reasonText = (reason: QueueReason, t: TFunction): string => queueReasonText(reason, t, (iso) => jstTime(iso, t));

export const holdText = (hold: QueueHold, t: TFunction): string => queueHoldText(hold, t, (iso) => jstTime(iso, t));

const leadLine = ({ lead }: QueueEntry | HeldEntry): string =>
  [lead.companyName, [lead.familyName, lead.givenName].filter(Boolean).join(' '), lead.phone ?? lead.mobile ?? ''].filter(Boolean).join('  ');

const wholeNumber = (name: string, value: string | boolean | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}; got "${String(value)}".`);
  return n;
};

// bantam queue: the queue in order, each lead with why it is there, then the leads held back.
export const queueCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const input = {
    limit: wholeNumber('limit', values.limit, 50, 500),
    ...(typeof values.owner === 'string' ? { owner: values.owner } : {}),
  };
  const view = unwrap<QueueView>(await backend.call('queue.get', input));
  if (values.json) {
    console.log(JSON.stringify(view, null, 2));
    return;
  }
  const t = await english();
  const { counts } = view;
  console.log(t('call.cli.queueHeader', { offered: counts.offered, held: counts.held, due: counts.callbacksDue, missed: counts.callbacksMissed }));
  if (view.entries.length === 0) console.log(t('call.cli.queueEmpty'));
  view.entries.forEach((entry, i) => {
    console.log(`${String(i + 1).padStart(3)}. [${t(`call.bucket.${entry.reason.bucket}`)}] ${leadLine(entry)}`);
    console.log(`     ${reasonText(entry.reason, t)}`);
  });
  if (view.held.length === 0) return;
  console.log(`\n${t('call.cli.heldHeader')}`);
  for (const entry of view.held) console.log(`  - ${leadLine(entry)}: ${holdText(entry.hold, t)}`);
};

// --since takes a JST day (2026-11-24, from its midnight) or an ISO date-time with a zone.
const sinceOf = (value: string | boolean | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const at = jstInstant(value, '00:00');
    if (!Number.isNaN(at.getTime())) return at.toISOString();
  }
  if (typeof value === 'string' && /T.*(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new UsageError(`--since must be a date (2026-11-24, counted from midnight JST) or a date-time with a zone (2026-11-24T09:00:00+09:00); got "${String(value)}".`);
};

// bantam calls: logged calls, newest first.
export const callsCommand = async (backend: Backend, values: CliValues): Promise<void> => {
  const since = sinceOf(values.since);
  const calls = unwrap<CallLog[]>(await backend.call('calls.list', { limit: wholeNumber('limit', values.limit, 200, 1000), ...(since ? { since } : {}) }));
  if (values.json) {
    console.log(JSON.stringify(calls, null, 2));
    return;
  }
  const t = await english();
  if (calls.length === 0) console.log(t('call.cli.callsEmpty'));
  for (const call of calls) {
    const outcome = t(`call.outcome.${call.outcome}`, { defaultValue: call.outcome });
    const duration = call.durationSeconds === null ? '' : t('call.history.duration', { seconds: call.durationSeconds });
    console.log(t('call.cli.callLine', { time: jstTime(call.startedAt, t), company: call.companyName, person: call.personName, outcome, duration, actor: call.actor }));
  }
};

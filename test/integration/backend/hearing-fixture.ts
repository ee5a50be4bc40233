import type { Backend } from '../../../electron/backend';
import type { ApiErrorBody, MethodName } from '../../../shared/api';
import type { UserRole } from '../../../shared/api/settings';
import type { BantAnswers } from '../../../shared/domain/bant';
import { ja } from '../../../shared/i18n/ja';
import { en } from '../../../shared/i18n/en';

// Answers that meet the default TQL definition (need confirmed, within 6 months, can decide,
// budget secured), and answers that meet none of it.
export const TQL_ANSWERS: BantAnswers = {
  budget: { status: 'secured_this_fy', amountMin: 3_000_000, confidence: 'heard' },
  authority: { role: 'decision_maker', approvalFlow: '部長決裁' },
  need: { severity: 'high', painPoints: '架電の記録が手作業', verbatim: '毎日1時間かかっている' },
  timeline: { horizon: 'within_3_months' },
};

export const setRole = async (backend: Backend, role: UserRole): Promise<void> => {
  const answer = await backend.call('settings.update', { role });
  if (!answer.ok) throw new Error(answer.error.message);
};

// A call that must fail: its error body.
export const callError = async (backend: Backend, method: MethodName, input: unknown): Promise<ApiErrorBody> => {
  const answer = await backend.call(method, input);
  if (answer.ok) throw new Error(`${method} succeeded but should have failed`);
  return answer.error;
};

const lookup = (catalog: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);

// Whether the renderer has words for an error key in both languages.
export const hasCatalogText = (key: string | undefined): boolean =>
  key !== undefined && typeof lookup(ja, key) === 'string' && typeof lookup(en, key) === 'string';

// Row counts of every table of the store, to show that a refused write changed nothing.
export const tableCounts = (backend: Backend): Record<string, number> => {
  const { db } = backend.ctx.store;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
};

import type { Language } from '../../../shared/api/settings';
import { HEARING_ITEMS, itemChoice, type BantAnswers, type HearingItem } from '../../../shared/domain/bant';
import { jstDay } from '../../../shared/domain/business-time';
import { en } from '../../../shared/i18n/en';
import { ja } from '../../../shared/i18n/ja';

const catalogs = { ja, en } as const;
// The free-text fields of each item worth passing on, in reading order.
const DETAIL_FIELDS: Record<HearingItem, readonly string[]> = {
  budget: [],
  authority: ['decisionMakerName', 'decisionMakerTitle', 'approvalFlow'],
  need: ['painPoints', 'currentProcess'],
  timeline: ['targetDate'],
  competitors: ['names'],
  currentSolution: ['description'],
  nextStep: ['description'],
  meetingDate: [],
};
// How many of the latest call notes the draft quotes.
const NOTES_IN_DRAFT = 5;

export type DraftNote = { at: string; body: string };

const yen = (amount: unknown, language: Language): string | null =>
  typeof amount === 'number' ? `${amount.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US')}${catalogs[language].handoff.summary.yen}` : null;

const itemLine = (answers: BantAnswers, item: HearingItem, language: Language): string[] => {
  const words = catalogs[language];
  const answer = answers[item] as Record<string, unknown> | undefined;
  if (!answer) return [];
  const choice = itemChoice(answers, item);
  const parts = [(words.qualification.choice[item] as Record<string, string>)[choice] ?? choice];
  if (item === 'budget') {
    const range = [yen(answer.amountMin, language), yen(answer.amountMax, language)].filter((v) => v !== null).join(' - ');
    if (range) parts.push(range);
  }
  for (const field of DETAIL_FIELDS[item]) if (typeof answer[field] === 'string' && answer[field] !== '') parts.push(answer[field]);
  const confidence = answer.confidence === 'heard' || answer.confidence === 'inferred' ? `(${words.qualification.confidence[answer.confidence]})` : '';
  const lines = [`${words.qualification.item[item]}: ${parts.join(' / ')}${confidence}`];
  if (typeof answer.verbatim === 'string' && answer.verbatim !== '') lines.push(`  ${words.handoff.summary.quote.replace('{{text}}', answer.verbatim)}`);
  return lines;
};

// The summary Bantam drafts for the rep to edit: the hearing item by item with its confidence and
// the customer's own words, then the latest call notes. In the user's language, from the catalog.
export const draftSummary = (answers: BantAnswers, notes: DraftNote[], language: Language): string => {
  const words = catalogs[language].handoff.summary;
  const hearing = HEARING_ITEMS.flatMap((item) => itemLine(answers, item, language));
  const latest = notes.filter((n) => n.body.trim() !== '').slice(0, NOTES_IN_DRAFT);
  const sections = [`${words.hearing}\n${hearing.length > 0 ? hearing.join('\n') : words.none}`];
  if (latest.length > 0) sections.push(`${words.notes}\n${latest.map((n) => `- ${jstDay(new Date(n.at))} ${n.body.trim().replace(/\s+/g, ' ')}`).join('\n')}`);
  return sections.join('\n\n');
};

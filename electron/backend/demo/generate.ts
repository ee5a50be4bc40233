import type { LeadInput } from '../../../shared/domain/lead';
import type { Stage, Temperature } from '../../../shared/domain/stages';
import { createRandom, type Random } from './random';
import {
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  DEPARTMENTS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LEGAL_FORMS,
  OWNERS,
  PLACES,
  SOURCES,
  TAGS,
  TITLES,
  type Place,
} from './word-lists';

// A generated lead plus when it arrived.
export type DemoLead = LeadInput & { createdAt: string };

const DAY_MS = 86_400_000;

// Mostly fresh leads and MQLs, a thinner tail further down the funnel, some side exits.
const STAGE_WEIGHTS: readonly { stage: Stage; weight: number }[] = [
  { stage: 'lead', weight: 38 },
  { stage: 'mql', weight: 27 },
  { stage: 'tql', weight: 8 },
  { stage: 'sal', weight: 6 },
  { stage: 'sql', weight: 5 },
  { stage: 'nurture', weight: 10 },
  { stage: 'disqualified', weight: 6 },
];
const QUALIFIED: ReadonlySet<Stage> = new Set(['mql', 'tql', 'sal', 'sql']);

const EMPLOYEE_BUCKETS = [
  { min: 5, max: 29, weight: 15 },
  { min: 30, max: 99, weight: 25 },
  { min: 100, max: 299, weight: 25 },
  { min: 300, max: 999, weight: 20 },
  { min: 1000, max: 4999, weight: 12 },
  { min: 5000, max: 20000, weight: 3 },
];

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));
const digits = (random: Random, n: number): string => Array.from({ length: n }, () => random.int(0, 9)).join('');
const toFullWidth = (s: string): string =>
  s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/-/gu, '－');

// A landline as its three groups; the first local digit is 2-9 as in real numbering.
const landline = (random: Random, place: Place): [string, string, string] => {
  const localLength = place.areaCode.length === 2 ? 4 : 3;
  return [place.areaCode, `${random.int(2, 9)}${digits(random, localLength - 1)}`, digits(random, 4)];
};

// The same number written the ways real lists write it.
const formatPhone = (random: Random, [area, local, line]: [string, string, string]): string => {
  const format = random.int(0, 9);
  if (format <= 3) return `${area}-${local}-${line}`;
  if (format <= 5) return `${area}${local}${line}`;
  if (format === 6) return `${area}(${local})${line}`;
  if (format === 7) return `+81 ${area.slice(1)}-${local}-${line}`;
  return toFullWidth(`${area}-${local}-${line}`);
};

const roundEmployees = (n: number): number => (n < 100 ? n : n < 1000 ? Math.round(n / 10) * 10 : Math.round(n / 100) * 100);

// Company facts depend only on the name, so several contacts at one company agree on them.
const companyFacts = (seed: number, stemIndex: number, suffixIndex: number) => {
  const random = createRandom((seed ^ Math.imul(stemIndex * 131 + suffixIndex + 1, 2654435761)) >>> 0);
  const legal = random.weighted(LEGAL_FORMS);
  const place = random.pick(PLACES);
  const town = random.pick(place.towns);
  const building = random.chance(0.6) ? ` ${random.pick(['第一', '中央', 'セントラル', 'スクエア'])}ビル${random.int(2, 15)}F` : '';
  const bucket = random.weighted(EMPLOYEE_BUCKETS);
  return {
    legal,
    place,
    postalCode: town.postal,
    address: `${town.town}${random.int(1, 5)}-${random.int(1, 20)}-${random.int(1, 30)}${building}`,
    phone: landline(random, place),
    employeeCount: roundEmployees(random.int(bucket.min, bucket.max)),
  };
};

const scoreFor = (random: Random, stage: Stage, base: number): number => {
  const noise = random.int(-15, 15);
  if (stage === 'lead') return clamp(base + noise - 10, 0, 59);
  if (QUALIFIED.has(stage)) return clamp(base + 20 + Math.abs(noise), 60, 100);
  if (stage === 'disqualified') return clamp(base - 15 + noise, 0, 70);
  return clamp(base + noise, 0, 100);
};

// Hot wants a solution now: inbound inquiries and referrals run hotter than cards from a booth.
const temperatureFor = (random: Random, stage: Stage, score: number, source: string): Temperature => {
  const lean = source === '問い合わせ' || source === '紹介' ? 10 : source === '名刺交換' || source === '展示会' ? -8 : 0;
  const heat = score + lean + random.int(-8, 8);
  if (stage === 'disqualified') return 'cold';
  if (heat >= 75 && stage !== 'nurture') return 'hot';
  return heat >= 45 ? 'warm' : 'cold';
};

const generateOne = (random: Random, seed: number, nowMs: number): DemoLead => {
  const stemIndex = random.int(0, COMPANY_STEMS.length - 1);
  const suffixIndex = random.int(0, COMPANY_SUFFIXES.length - 1);
  const [stem, stemKana, stemRoman] = COMPANY_STEMS[stemIndex] ?? COMPANY_STEMS[0]!;
  const suffix = COMPANY_SUFFIXES[suffixIndex] ?? COMPANY_SUFFIXES[0]!;
  const [word, wordKana, wordRoman] = suffix.word;
  const company = companyFacts(seed, stemIndex, suffixIndex);
  const base = `${stem}${word}`;
  const [family, familyKana, familyRoman] = random.pick(FAMILY_NAMES);
  const [given, givenKana, givenRoman] = random.pick(GIVEN_NAMES);
  const source = random.weighted(SOURCES);
  const stage = random.weighted(STAGE_WEIGHTS).stage;
  const score = scoreFor(random, stage, source.baseScore);
  // Later stages need time behind them for calls and handoffs.
  const minDays = QUALIFIED.has(stage) && stage !== 'mql' ? 20 : stage === 'lead' || stage === 'mql' ? 0 : 10;
  const ageMs = (minDays + random.next() * (90 - minDays)) * DAY_MS;
  const createdAt = new Date(Math.floor((nowMs - Math.max(ageMs, 3_600_000)) / 1000) * 1000).toISOString();
  const domain = `${stemRoman}-${wordRoman}.example.co.jp`;
  const local = random.pick([`${givenRoman}.${familyRoman}`, `${familyRoman}.${givenRoman}`, `${givenRoman.charAt(0)}-${familyRoman}`, familyRoman]);
  const tagCount = random.weighted([
    { n: 0, weight: 5 },
    { n: 1, weight: 4 },
    { n: 2, weight: 2 },
    { n: 3, weight: 1 },
  ]).n;
  const tags = [...new Set(Array.from({ length: tagCount }, () => random.pick(TAGS)))];
  return {
    companyName: company.legal.front ? `${company.legal.form}${base}` : `${base}${company.legal.form}`,
    companyKana: `${stemKana}${wordKana}`,
    department: random.pick(DEPARTMENTS),
    title: random.weighted(TITLES).title,
    familyName: family,
    givenName: given,
    familyNameKana: familyKana,
    givenNameKana: givenKana,
    email: random.chance(0.92) ? `${local}@${domain}` : null,
    phone: random.chance(0.95) ? formatPhone(random, company.phone) : null,
    mobile: random.chance(0.35) ? formatPhone(random, [random.pick(['090', '080', '070']), digits(random, 4), digits(random, 4)]) : null,
    postalCode: company.postalCode,
    prefecture: company.place.prefecture,
    address: company.address,
    industry: suffix.industry,
    employeeCount: company.employeeCount,
    source: source.source,
    campaign: random.pick(source.campaigns),
    score,
    temperature: temperatureFor(random, stage, score, source.source),
    stage,
    owner: stage === 'lead' && random.chance(0.3) ? null : random.pick(OWNERS),
    tags,
    customFields: {},
    doNotCall: stage === 'disqualified' && random.chance(0.25),
    createdAt,
  };
};

// Pure and deterministic: the same (count, seed, now) always gives the same leads.
export const generateDemoLeads = (count: number, seed: number, now: Date): DemoLead[] => {
  const random = createRandom(seed);
  const nowMs = now.getTime();
  return Array.from({ length: count }, () => generateOne(random, seed, nowMs));
};

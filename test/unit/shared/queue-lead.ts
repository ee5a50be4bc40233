import type { QueueLead } from '../../../shared/domain/calling';

// A callable lead as the queue reads it, with the fields a test cares about overridden.
export const queueLead = (id: string, overrides: Partial<QueueLead> = {}): QueueLead => ({
  id,
  companyName: `株式会社${id}`,
  familyName: '山田',
  givenName: '太郎',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'タロウ',
  title: null,
  phone: '03-1234-5678',
  mobile: null,
  stage: 'mql',
  temperature: null,
  score: null,
  source: '展示会',
  owner: null,
  importId: null,
  callCount: 0,
  lastCalledAt: null,
  attemptsToday: 0,
  callWindow: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  callback: null,
  ...overrides,
});

import type { QueueLead } from '../../shared/domain/calling';

type Named = Pick<QueueLead, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>;

// Japanese order, family name first, as the rep says it on the phone.
export const personName = (lead: Named): string => [lead.familyName, lead.givenName].filter(Boolean).join(' ');
export const personKana = (lead: Named): string => [lead.familyNameKana, lead.givenNameKana].filter(Boolean).join(' ');

import type { TFunction } from 'i18next';
import type { Lead, LeadEditField } from '../../shared/domain/lead';
import type { Language } from '../../shared/api/settings';
import { formatNumber } from './format';

// A field's value as the detail and the merge screen show it; '' when there is none.
export const fieldText = (lead: Lead, field: LeadEditField, t: TFunction, language: Language): string => {
  switch (field) {
    case 'temperature':
      return lead.temperature ? t(`temperature.${lead.temperature}`) : '';
    case 'tags':
      return lead.tags.join(', ');
    case 'customFields':
      return Object.entries(lead.customFields)
        .map(([name, value]) => `${name}: ${value}`)
        .join(' / ');
    case 'employeeCount':
    case 'score': {
      const value = lead[field];
      return value === null ? '' : formatNumber(value, language);
    }
    default:
      return lead[field] ?? '';
  }
};

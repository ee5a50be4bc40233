import type { Widen } from './widen';

// Lead detail, edit, create and merge: kept in its own module so the feature owns its strings.
export const leadDetailJa = {
  title: 'リード詳細',
};

export const leadDetailEn: Widen<typeof leadDetailJa> = {
  title: 'Lead detail',
};

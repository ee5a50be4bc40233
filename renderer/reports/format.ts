import type { TFunction } from 'i18next';

// Rates as percentages with one decimal, counts per TQL with one decimal, times in minutes or
// hours; a value that cannot be taken (nothing to divide by) as a dash.
export const formatPercent = (t: TFunction, value: number | null): string =>
  value === null ? t('reportsView.value.none') : t('reportsView.value.percent', { value: (Math.round(value * 1000) / 10).toFixed(1) });

export const formatRatio = (t: TFunction, value: number | null): string =>
  value === null ? t('reportsView.value.none') : t('reportsView.value.ratio', { value: (Math.round(value * 10) / 10).toFixed(1) });

export const formatMinutes = (t: TFunction, minutes: number | null): string => {
  if (minutes === null) return t('reportsView.value.none');
  if (minutes < 120) return t('reportsView.value.minutes', { value: Math.round(minutes) });
  return t('reportsView.value.hours', { value: (Math.round(minutes / 6) / 10).toFixed(1) });
};

// "11/2" for a week label in the chart.
export const shortDay = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

import i18next, { type i18n } from 'i18next';
import type { Language } from '../api/settings';
import { en } from './en';
import { ja } from './ja';

export const CATALOGS = { ja, en } as const;

// One i18next instance per caller (the renderer, the Electron menu): Japanese unless told otherwise.
export const createI18n = async (language: Language = 'ja'): Promise<i18n> => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'ja',
    resources: { ja: { translation: ja }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
};

export type { Catalog } from './ja';

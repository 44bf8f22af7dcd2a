import type { Core } from '@strapi/strapi';

/** Italian is the default locale; English is available for content that has a translation. */
export const LOCALES = [
  { code: 'it', name: 'Italiano (it)' },
  { code: 'en', name: 'English (en)' },
] as const;

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`[sito] created locale ${locale.code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== 'it') {
    await locales.setDefaultLocale({ code: 'it' });
  }
}

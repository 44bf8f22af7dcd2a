import { describe, expect, it } from 'vitest';
import { builderEnvSchema, cmsEnvSchema, parseEnv } from '@sito/shared';

describe('environment variables', () => {
  it('applies the documented defaults to the builder', () => {
    const env = parseEnv(builderEnvSchema, { SITO_HUB: 'crema' }, 'builder');
    expect(env).toMatchObject({ SITO_HUB: 'crema', SITO_CMS_URL: 'http://localhost:1337', SITO_STRICT: false });
  });

  it('names each wrong variable with what it got', () => {
    expect(() =>
      parseEnv(
        builderEnvSchema,
        { SITO_HUB: 'Crema Centro', SITO_CMS_URL: 'localhost:1337', SITO_STRICT: 'forse' },
        'The site builder environment',
      ),
    ).toThrow(
      /The site builder environment is invalid:\n {2}- SITO_HUB: .* \(got "Crema Centro"\)\n {2}- SITO_CMS_URL: must be an http\(s\) URL.*\n {2}- SITO_STRICT: .*\(got "forse"\)/,
    );
  });

  it('requires a hub to build', () => {
    expect(() => parseEnv(builderEnvSchema, {}, 'builder')).toThrow(/SITO_HUB/);
  });

  it('refuses a weak admin password before Strapi sees it', () => {
    expect(() => parseEnv(cmsEnvSchema, { SITO_ADMIN_PASSWORD: 'password' }, 'CMS')).toThrow(
      /SITO_ADMIN_PASSWORD: must contain an uppercase letter/,
    );
  });

  it('accepts a PostgreSQL URL and refuses other databases', () => {
    expect(parseEnv(cmsEnvSchema, { DATABASE_URL: 'postgresql://sito@db:5432/sito' }, 'CMS').DATABASE_URL).toBe(
      'postgresql://sito@db:5432/sito',
    );
    expect(() => parseEnv(cmsEnvSchema, { DATABASE_URL: 'mysql://root@db/sito' }, 'CMS')).toThrow(/DATABASE_URL/);
  });
});

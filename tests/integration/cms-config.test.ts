import { describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '@sito/shared';
import { startTestCms } from '../helpers/test-cms.ts';

/** Bad configuration stops the boot with a message that names the variable. */
describe('CMS configuration', () => {
  it('refuses a DATABASE_URL that is not PostgreSQL, naming the variable', async () => {
    await expect(
      startTestCms({ database: 'sqlite', env: { DATABASE_URL: 'mysql://root@127.0.0.1/sito' } }),
    ).rejects.toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('refuses the documented development password in production', async () => {
    await expect(
      startTestCms({
        database: 'sqlite',
        env: {
          NODE_ENV: 'production',
          SMTP_HOST: 'smtp.example.org',
          SITO_ADMIN_EMAIL: 'coordinamento@example.org',
          SITO_ADMIN_PASSWORD: DEV_ADMIN.password,
        },
      }),
    ).rejects.toThrow(/development password/);
  });

  it('refuses to start in production without an SMTP server, and a user without a password', async () => {
    await expect(startTestCms({ database: 'sqlite', env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /SMTP_HOST: is required in production/,
    );
    await expect(
      startTestCms({ database: 'sqlite', env: { SMTP_HOST: 'smtp.example.org', SMTP_USER: 'sito' } }),
    ).rejects.toThrow(/SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together/);
    await expect(startTestCms({ database: 'sqlite', env: { SMTP_PORT: 'venticinque' } })).rejects.toThrow(/SMTP_PORT/);
  });

  it('creates no default admin in production when the credentials are not set', async () => {
    const cms = await startTestCms({
      database: 'sqlite',
      env: { NODE_ENV: 'production', SMTP_HOST: 'smtp.example.org', SMTP_USER: 'sito', SMTP_PASSWORD: 'x' },
    });
    try {
      const login = await fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: DEV_ADMIN.email, password: DEV_ADMIN.password }),
      });
      expect(login.status).toBe(400);
      const init = await (await fetch(`${cms.url}/admin/init`)).json();
      expect(init.data.hasAdmin).toBe(false);
    } finally {
      await cms.destroy();
    }
  });
});

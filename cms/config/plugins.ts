import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // Mail (cms/src/mail): through the SMTP server named by SMTP_HOST; without it none is sent.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
        connectionTimeout: 10_000,
      },
      settings: {
        defaultFrom: `SITO Giovani <${env('SITO_MAIL_FROM', 'noreply@sitogiovani.test')}>`,
        defaultReplyTo: env('SITO_MAIL_FROM', 'noreply@sitogiovani.test'),
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
});

export default config;

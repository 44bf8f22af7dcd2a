import type { Core } from '@strapi/strapi';
import { previewUrl } from '../src/publishing/previews';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET') as string,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT') as string,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT') as string,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY') as string,
  },
  // Tests boot the CMS without building the admin panel.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  // Strapi's Preview panel: a draft opens as it will look on its hub, built privately by a worker
  // (src/publishing/previews.ts); a published entry opens its public page.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [env('SITO_HUBS_URL', 'http://localhost:4321')],
      handler: (uid: string, params: { documentId: string; locale?: string | null; status?: string | null }) =>
        previewUrl(strapi, uid, params),
    },
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;

import { defineConfig } from 'vitest/config';

/**
 * Three projects, run in this order by `pnpm test`: unit tests (fast, no services), integration
 * tests (a real Strapi on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set) and end-to-end
 * tests (real CMS, real Astro build, real Chromium). The last two run one file at a time: the
 * machines have two cores and each file boots its own CMS.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

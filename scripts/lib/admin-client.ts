import { DEV_ADMIN, type Build } from '@sito/shared';

/**
 * The admin API as the admin panel calls it (a JWT from /admin/login): used by the tests and by
 * the publishing bench to create, publish and rebuild as an editor would.
 */
export interface AdminClient {
  jwt: string;
  // The admin API's JSON answers, whose shape the callers (tests' assertions, the bench) check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** Logs in through the admin API (what the admin panel does) as the development super admin. */
export async function loginAdmin(
  url: string,
  email: string = DEV_ADMIN.email,
  password: string = DEV_ADMIN.password,
): Promise<AdminClient> {
  const response = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { data?: { token?: string; accessToken?: string } };
  const jwt = body.data?.token ?? body.data?.accessToken;
  if (!response.ok || !jwt) throw new Error(`Admin login failed (${response.status}): ${JSON.stringify(body)}`);
  return {
    jwt,
    async request(method, pathname, payload) {
      const res = await fetch(`${url}${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/** The builds of a hub as the admin's Pubblicazione page lists them. */
export async function hubBuilds(admin: AdminClient, hub: string): Promise<Build[]> {
  const { status, body } = await admin.request('GET', '/sito/publishing/hubs');
  if (status !== 200) throw new Error(`GET /sito/publishing/hubs answered ${status}: ${JSON.stringify(body)}`);
  const entry = (body.data as Array<{ slug: string; builds: Build[] }>).find((h) => h.slug === hub);
  return entry?.builds ?? [];
}

import net from 'node:net';

/**
 * The address a submission comes from, for the per-address rate limit. Behind the hubs' server or
 * nginx every request reaches the CMS from the proxy, so the proxy's `X-Forwarded-For` is read, but
 * only from a proxy we trust (SITO_TRUSTED_PROXIES, comma-separated addresses or CIDR ranges; the
 * loopback by default): anyone else could write any address there. The last entry is the one our
 * proxy added; earlier entries are whatever the client claimed.
 */
export function trustedProxies(value: string): net.BlockList {
  const list = new net.BlockList();
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = net.isIPv6(address) ? 'ipv6' : net.isIPv4(address) ? 'ipv4' : null;
    const prefix = bits === undefined ? undefined : Number(bits);
    if (
      !type ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (type === 'ipv4' ? 32 : 128)))
    )
      throw new Error(
        `SITO_TRUSTED_PROXIES: "${entry}" is not an address or a range such as 10.0.0.0/8 (comma-separated).`,
      );
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

const normalise = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

const isTrusted = (list: net.BlockList, address: string): boolean => {
  const plain = normalise(address);
  if (net.isIPv4(plain)) return list.check(plain, 'ipv4');
  return net.isIPv6(plain) ? list.check(plain, 'ipv6') : false;
};

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: net.BlockList,
): string {
  const socket = normalise(socketAddress ?? '');
  if (!isTrusted(trusted, socket)) return socket || 'unknown';
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const last = normalise(header.split(',').pop()?.trim() ?? '');
  return net.isIP(last) ? last : socket || 'unknown';
}

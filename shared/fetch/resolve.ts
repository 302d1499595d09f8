/**
 * DNS resolution with an SSRF check, and a `lookup` that pins the connection to the checked address so a
 * second resolution (DNS rebinding) can never send the request somewhere else.
 */

import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { FetchError } from '../errors';
import { classifyAddress } from './ip-ranges';
import type { ResolvedAddress, Resolver } from './policy';

/** The system resolver, every address of the name. */
export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * Resolves `host` and returns the address to connect to. Every resolved address must be public unless
 * `allowPrivate`: one private answer among public ones still refuses (a rebinding server would rotate).
 */
export async function resolveCheckedAddress(
  host: string,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<ResolvedAddress> {
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch (cause) {
      throw new FetchError('network', `cannot resolve host "${host}": ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  const first = addresses[0];
  if (!first) throw new FetchError('network', `host "${host}" resolved to no address`);
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const range = classifyAddress(address);
      if (range) {
        throw new FetchError(
          'private-address',
          `host "${host}" resolves to ${address}, a ${range} address; refusing to connect`,
        );
      }
    }
  }
  return first;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for node:http(s) that answers only the already-checked address, in either callback form. */
export function pinnedLookup(pinned: ResolvedAddress) {
  return (_hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

/**
 * Classifies IP addresses that a fetch must never reach (SSRF): private, loopback, link-local,
 * unique-local, CGNAT, multicast, unspecified and other special-purpose ranges, IPv4 and IPv6, including
 * IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64). Parsed to bytes by hand so no textual
 * variant (`::ffff:a00:1`, `0:0:0:0:0:ffff:10.0.0.1`) slips past a string comparison.
 */
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  bytes: number[];
  prefix: number;
  name: string;
}

const V4_RANGES: Range[] = [
  { bytes: [0, 0, 0, 0], prefix: 8, name: 'unspecified' },
  { bytes: [10, 0, 0, 0], prefix: 8, name: 'private' },
  { bytes: [100, 64, 0, 0], prefix: 10, name: 'cgnat' },
  { bytes: [127, 0, 0, 0], prefix: 8, name: 'loopback' },
  { bytes: [169, 254, 0, 0], prefix: 16, name: 'link-local' },
  { bytes: [172, 16, 0, 0], prefix: 12, name: 'private' },
  { bytes: [192, 0, 0, 0], prefix: 24, name: 'reserved' },
  { bytes: [192, 0, 2, 0], prefix: 24, name: 'documentation' },
  { bytes: [192, 168, 0, 0], prefix: 16, name: 'private' },
  { bytes: [198, 18, 0, 0], prefix: 15, name: 'benchmarking' },
  { bytes: [198, 51, 100, 0], prefix: 24, name: 'documentation' },
  { bytes: [203, 0, 113, 0], prefix: 24, name: 'documentation' },
  { bytes: [224, 0, 0, 0], prefix: 4, name: 'multicast' },
  { bytes: [240, 0, 0, 0], prefix: 4, name: 'reserved' },
];

const V6_RANGES: Range[] = [
  { bytes: [0xfe, 0x80], prefix: 10, name: 'link-local' },
  { bytes: [0xfe, 0xc0], prefix: 10, name: 'site-local' },
  { bytes: [0xfc, 0x00], prefix: 7, name: 'unique-local' },
  { bytes: [0xff, 0x00], prefix: 8, name: 'multicast' },
  { bytes: [0x20, 0x01, 0x0d, 0xb8], prefix: 32, name: 'documentation' },
  { bytes: [0x01, 0x00, 0, 0, 0, 0, 0, 0], prefix: 64, name: 'discard' },
  // Local-use NAT64 (RFC 8215) translates to whatever IPv4 network the operator routes: never public.
  { bytes: [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], prefix: 48, name: 'nat64-local' },
  // Teredo tunnels to an IPv4 server and an obfuscated client address: refuse the whole prefix.
  { bytes: [0x20, 0x01, 0x00, 0x00], prefix: 32, name: 'teredo' },
];

function inRange(address: Uint8Array, range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

/** 16 bytes of an IPv6 address (zone id ignored); assumes `isIPv6(text)`. */
export function parseIPv6(text: string): Uint8Array {
  // Rewrite a trailing dotted quad as two hex groups so only one textual form remains to parse.
  const hex = (text.split('%')[0] ?? '').replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a, b, c, d) =>
    [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(':'),
  );
  const [head, tail] = hex.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const words =
    tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = (w >> 8) & 0xff;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

function classifyV4(bytes: Uint8Array): string | null {
  return V4_RANGES.find((r) => inRange(bytes, r))?.name ?? null;
}

function classifyV6(bytes: Uint8Array): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 16)) return 'unspecified';
  if (zeros(0, 15) && bytes[15] === 1) return 'loopback';
  const embedded = bytes.slice(12, 16);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64) all reach an IPv4 host.
  const mapped = zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = zeros(0, 12);
  const nat64 = inRange(bytes, {
    bytes: [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0],
    prefix: 96,
    name: '',
  });
  // ::ffff:0:a.b.c.d (IPv4-translated, SIIT) also ends in the IPv4 address.
  const translated = zeros(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(10, 12);
  if (mapped || compatible || nat64 || translated) {
    const inner = classifyV4(embedded);
    return inner ? `${inner} (IPv4 in IPv6)` : null;
  }
  // 6to4 (2002:a.b.c.d::/48) carries its IPv4 relay address right after the prefix.
  if (bytes[0] === 0x20 && bytes[1] === 0x02) {
    const inner = classifyV4(bytes.slice(2, 6));
    return inner ? `${inner} (IPv4 in 6to4)` : null;
  }
  return V6_RANGES.find((r) => inRange(bytes, r))?.name ?? null;
}

/**
 * The special-purpose range an address belongs to (`'loopback'`, `'private'`, `'cgnat'`…), or null for a
 * public unicast address. Anything that does not parse as an IP is treated as unsafe (`'invalid'`).
 */
export function classifyAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIPv4(bare)) return classifyV4(parseV4(bare));
  if (isIPv6(bare)) return classifyV6(parseIPv6(bare));
  return 'invalid';
}

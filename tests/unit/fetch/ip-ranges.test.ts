import { classifyAddress, parseIPv6 } from '../../../shared/fetch/ip-ranges';

describe('classifyAddress', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private (IPv4 in IPv6)'],
    ['::ffff:a00:1', 'private (IPv4 in IPv6)'],
    ['0:0:0:0:0:ffff:127.0.0.1', 'loopback (IPv4 in IPv6)'],
    ['::ffff:169.254.169.254', 'link-local (IPv4 in IPv6)'],
    ['64:ff9b::7f00:1', 'loopback (IPv4 in IPv6)'],
    ['::ffff:0:7f00:1', 'loopback (IPv4 in IPv6)'],
    ['::ffff:0:169.254.169.254', 'link-local (IPv4 in IPv6)'],
    ['2002:a9fe:a9fe::1', 'link-local (IPv4 in 6to4)'],
    ['2002:0a00:0001::1', 'private (IPv4 in 6to4)'],
    ['64:ff9b:1::a9fe:a9fe', 'nat64-local'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
  ])('refuses %s as %s', (address, range) => {
    expect(classifyAddress(address)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '23.215.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
    '2001:4860:4860::8888',
  ])('accepts the public address %s', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('treats text that is not an IP as unsafe', () => {
    expect(classifyAddress('example.com')).toBe('invalid');
    expect(classifyAddress('10.0.0.256')).toBe('invalid');
  });
});

describe('parseIPv6', () => {
  it('expands :: and embedded dotted quads to 16 bytes', () => {
    expect(Buffer.from(parseIPv6('1:2:3:4:5:6:7:8')).toString('hex')).toBe(
      '00010002000300040005000600070008',
    );
    expect(Buffer.from(parseIPv6('1::8')).toString('hex')).toBe('00010000000000000000000000000008');
    expect(Buffer.from(parseIPv6('::ffff:1.2.3.4')).toString('hex')).toBe('00000000000000000000ffff01020304');
  });
});

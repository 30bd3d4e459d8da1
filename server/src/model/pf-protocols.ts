/**
 * IP protocol names as pfctl resolves them: getprotobyname(3) over
 * /etc/protocols (lib/libc/net/protocols), names and aliases case-sensitive,
 * or a number 0–255. Only the protocols a firewall ruleset commonly names are
 * listed; a name missing here is "unknown", never a mismatch.
 */

/** IPPROTO_CARP (sys/netinet/in.h): CARP advertisements; /etc/protocols calls it `carp`, alias `vrrp`. */
export const IPPROTO_CARP = 112;
/** IPPROTO_PFSYNC: pfsync state updates. */
export const IPPROTO_PFSYNC = 240;

const PROTOCOLS: Record<string, number> = {
  ip: 0, IP: 0, icmp: 1, ICMP: 1, igmp: 2, IGMP: 2, ggp: 3, ipencap: 4, 'IP-ENCAP': 4, tcp: 6, TCP: 6, egp: 8, EGP: 8,
  udp: 17, UDP: 17, ipv6: 41, IPV6: 41, 'ipv6-route': 43, 'ipv6-frag': 44, rsvp: 46, RSVP: 46, gre: 47, GRE: 47,
  esp: 50, ESP: 50, ah: 51, AH: 51, 'ipv6-icmp': 58, 'IPV6-ICMP': 58, icmp6: 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60,
  eigrp: 88, EIGRP: 88, ospf: 89, OSPFIGP: 89, ipip: 94, IPIP: 94, etherip: 97, ETHERIP: 97, encap: 98, ENCAP: 98,
  pim: 103, PIM: 103, ipcomp: 108, IPComp: 108, carp: IPPROTO_CARP, CARP: IPPROTO_CARP, vrrp: IPPROTO_CARP,
  l2tp: 115, L2TP: 115, sctp: 132, SCTP: 132, udplite: 136, UDPLite: 136, pfsync: IPPROTO_PFSYNC, PFSYNC: IPPROTO_PFSYNC,
};

/** The protocol number a `proto` word stands for, or undefined when the name is not in the table above. */
export function protocolNumber(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) {
    const n = Number(word);
    return n <= 255 ? n : undefined;
  }
  return Object.prototype.hasOwnProperty.call(PROTOCOLS, word) ? PROTOCOLS[word] : undefined;
}

/** True when two `proto` words name the same protocol (`carp`, `vrrp` and `112` do). */
export function sameProtocol(a: string, b: string): boolean {
  if (a === b) return true;
  const x = protocolNumber(a);
  return x !== undefined && x === protocolNumber(b);
}

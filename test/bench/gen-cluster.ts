import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a CARP workspace for the benchmarks: `nodes` machines in groups of
 * `groupSize` (pairs, or larger groups sharing each vhid), each a folder laid
 * out like / with four files (etc/rc.conf, boot/loader.conf,
 * etc/sysctl.conf, etc/pf.conf). Group g shares vhids 1–3 on its own
 * segments. Healthy unless `defects` is set: then every tenth group carries
 * the mistakes the cross-node checks exist for (a pass that differs, a node
 * that does not load carp, preempt on one node only).
 */
export interface ClusterSpec {
  nodes: number;
  groupSize: number;
  defects: boolean;
}

export function writeCluster(dir: string, spec: ClusterSpec): void {
  for (let i = 0; i < spec.nodes; i++) {
    const group = Math.floor(i / spec.groupSize);
    const member = i % spec.groupSize;
    const broken = spec.defects && group % 10 === 0;
    const a = 10 + Math.floor(group / 250);
    const b = group % 250;
    const root = path.join(dir, `fw${String(group).padStart(4, '0')}${String.fromCharCode(97 + member)}`);
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.mkdirSync(path.join(root, 'boot'), { recursive: true });
    const host = 2 + member;
    const skew = member === 0 ? '' : ` advskew ${member * 50}`;
    const lanPass = broken && member === 1 ? `lan${group}other` : `lan${group}key`;
    const rc = `hostname="${path.basename(root)}.example.net"
ifconfig_em0="inet ${a}.${b}.0.${host}/24"
ifconfig_em0_alias0="inet vhid 1${skew} pass uplink${group}key alias ${a}.${b}.0.1/32"
ifconfig_em1="inet ${a}.${b}.1.${host}/24"
ifconfig_em1_alias0="inet vhid 2${skew} pass ${lanPass} alias ${a}.${b}.1.1/32"
ifconfig_em1_alias1="inet vhid 3${skew} pass dmz${group}key alias ${a}.${b}.1.10/32"
ifconfig_em2="inet 172.${16 + Math.floor(group / 250)}.${b}.${member + 1}/29"
defaultrouter="${a}.${b}.0.254"
gateway_enable="YES"
pf_enable="YES"
pflog_enable="YES"
pfsync_enable="YES"
pfsync_syncdev="em2"
sshd_enable="YES"
ntpd_enable="YES"
`;
    const pf = `ext_if = "em0"
int_if = "em1"
sync_if = "em2"
lan = "${a}.${b}.1.0/24"
table <admins> { ${a}.${b}.1.50, ${a}.${b}.1.51 }
set skip on lo0
scrub in all
nat on $ext_if from $lan to any -> ${a}.${b}.0.1
block log all
pass quick on { $ext_if $int_if } proto carp keep state (no-sync)
pass quick on $sync_if proto pfsync keep state (no-sync)
pass in on $int_if from $lan to any keep state
pass in on $ext_if proto tcp from <admins> to ($ext_if) port 22 keep state
pass out on $ext_if keep state
`;
    const loader = broken && member === 1 ? 'pfsync_load="YES"\n' : 'carp_load="YES"\npfsync_load="YES"\n';
    const sysctl = broken && member === 0 ? 'net.inet.ip.forwarding=1\n' : 'net.inet.carp.preempt=1\nnet.inet.ip.forwarding=1\n';
    fs.writeFileSync(path.join(root, 'etc', 'rc.conf'), rc);
    fs.writeFileSync(path.join(root, 'etc', 'pf.conf'), pf);
    fs.writeFileSync(path.join(root, 'boot', 'loader.conf'), loader);
    fs.writeFileSync(path.join(root, 'etc', 'sysctl.conf'), sysctl);
  }
}

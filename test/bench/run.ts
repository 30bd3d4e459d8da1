import { performance } from 'node:perf_hooks';
import { Workspace } from '../../server/src/workspace/workspace';
import { checkDocument } from '../../server/src/checks/registry';
import { parseRcConf } from '../../server/src/parsers/rcconf';
import { parseLoaderConf } from '../../server/src/parsers/loaderconf';
import { parseSysctlConf } from '../../server/src/parsers/sysctlconf';

/**
 * Throughput and scaling of the analysis core, printed as ratios measured in
 * this one run (absolute times depend on the machine; ratios much less so).
 * Not a test: nothing here can fail a build.
 */

function rcConf(i: number): string {
  const a = (i >> 8) & 255;
  const b = i & 255;
  return `# node ${i}
hostname="fw${i}.example.net"
ifconfig_em0="inet 10.${a}.${b}.2/24"
ifconfig_em0_alias0="inet vhid ${(i % 255) + 1} advskew ${i % 2 ? 100 : 0} pass s3cretpass alias 10.${a}.${b}.1/32"
ifconfig_em1="inet 172.16.${b}.2 netmask 255.255.255.0"
ifconfig_em1_alias0="inet vhid 2 pass lanpass alias 172.16.${b}.1/32"
defaultrouter="10.${a}.${b}.254"
gateway_enable="YES"
pf_enable="YES"
pflog_enable="YES"
pfsync_enable="YES"
pfsync_syncdev="em2"
sshd_enable="YES"
sshd_flags="-o PermitRootLogin=no"
ntpd_enable="YES"
if [ -f /etc/rc.conf.site ]; then
  . /etc/rc.conf.site
fi
sendmail_enable="NONE"
`;
}
const loaderConf = 'autoboot_delay="3"\ncarp_load="YES"\npf_load="YES"\nkern.ipc.nmbclusters="1000000"\n';
const sysctlConf = 'net.inet.ip.forwarding=1\nnet.inet.carp.preempt=1\nnet.inet.carp.log=2\n';

/** A node's pf.conf: its interface macros come from an included file, as many clusters share them. */
function pfConf(i: number): string {
  const b = i & 255;
  return `# node ${i} packet filter
include "/etc/pf.macros.conf"
table <bruteforce> persist
table <mgmt> const { 192.0.2.0/24, 198.51.100.${b} }
set skip on lo0
set block-policy return
scrub in on $ext_if all fragment reassemble
nat on $ext_if from $lan_net to any -> ($ext_if)
block in log all
pass quick on $sync_if proto pfsync keep state (no-sync)
pass on { $ext_if $int_if } proto carp keep state (no-sync)
block in quick from <bruteforce>
pass in on $ext_if proto tcp to ($ext_if) port $tcp_services flags S/SA keep state (max-src-conn 100, overload <bruteforce> flush global)
pass in on $int_if from $lan_net to any keep state
pass in on $ext_if proto tcp from <mgmt> to ($ext_if) port ssh keep state
pass out on $ext_if proto { tcp udp } all keep state
`;
}

function pfMacros(i: number): string {
  return `ext_if = "em0"\nint_if = "em1"\nsync_if = "em2"\nlan_net = "172.16.${i & 255}.0/24"\ntcp_services = "{ ssh, smtp, domain, www, https }"\n`;
}

/** Mean ms per call, after a warm-up so the JIT's tiers do not dominate the average. */
function time(fn: () => void, minMs = 500): number {
  const warmUntil = performance.now() + minMs / 2;
  while (performance.now() < warmUntil) fn();
  let runs = 0;
  const start = performance.now();
  do {
    fn();
    runs++;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / runs;
}

function main(): void {
  const nodes = 1000;
  const texts = Array.from({ length: nodes }, (_, i) => rcConf(i));
  const big = texts.join('\n');
  const mb = Buffer.byteLength(big) / 1e6;

  // The floor for any parser in this runtime: touching every character once.
  const bareLoop = time(() => {
    let n = 0;
    for (let i = 0; i < big.length; i++) if (big.charCodeAt(i) === 10) n++;
    if (n < 0) throw new Error('unreachable');
  });
  const rcParse = time(() => parseRcConf(big));
  const loaderBig = loaderConf.repeat(5000);
  const sysctlBig = sysctlConf.repeat(5000);
  const loaderParse = time(() => parseLoaderConf(loaderBig));
  const sysctlParse = time(() => parseSysctlConf(sysctlBig));

  const ws = new Workspace();
  const build = performance.now();
  for (let i = 0; i < nodes; i++) {
    ws.set(`file:///cluster/fw${i}/etc/rc.conf`, 'rc', texts[i]);
    ws.set(`file:///cluster/fw${i}/boot/loader.conf`, 'loader', loaderConf);
    ws.set(`file:///cluster/fw${i}/etc/sysctl.conf`, 'sysctl', sysctlConf);
    ws.set(`file:///cluster/fw${i}/etc/pf.conf`, 'pf', pfConf(i));
    ws.set(`file:///cluster/fw${i}/etc/pf.macros.conf`, 'pf', pfMacros(i));
  }
  const indexMs = performance.now() - build;
  const fullCheck = time(() => {
    for (const doc of ws.documents()) checkDocument(doc, ws);
  }, 1000);
  let edit = 0;
  const incremental = time(() => {
    const uri = `file:///cluster/fw${edit % nodes}/etc/rc.conf`;
    const doc = ws.set(uri, 'rc', `${texts[edit % nodes]}# edit ${edit++}\n`);
    for (const list of Object.values(ws.nodeOf(uri).byKind)) for (const d of list) checkDocument(d, ws);
    void doc;
  });
  // A pf.conf edit also invalidates the workspace's include index (rebuilt once, for all nodes).
  let pfEdit = 0;
  const pfKeystroke = time(() => {
    const i = pfEdit % nodes;
    const uri = `file:///cluster/fw${i}/etc/pf.conf`;
    ws.set(uri, 'pf', `${pfConf(i)}# edit ${pfEdit++}\n`);
    for (const list of Object.values(ws.nodeOf(uri).byKind)) for (const d of list) checkDocument(d, ws);
  });

  const line = (label: string, value: string): void => console.log(`${label.padEnd(52)} ${value}`);
  console.log(`freebsd-conf benchmark (${nodes} nodes, ${ws.size} files, node ${process.version})`);
  line('rc.conf parse throughput', `${(mb / (rcParse / 1000)).toFixed(1)} MB/s on ${mb.toFixed(2)} MB`);
  line('bare character loop over the same text', `${(mb / (bareLoop / 1000)).toFixed(1)} MB/s`);
  line('rc.conf parser / bare loop', `${(rcParse / bareLoop).toFixed(1)}x slower`);
  line('loader.conf parse throughput', `${(Buffer.byteLength(loaderBig) / 1e6 / (loaderParse / 1000)).toFixed(1)} MB/s`);
  line('sysctl.conf parse throughput', `${(Buffer.byteLength(sysctlBig) / 1e6 / (sysctlParse / 1000)).toFixed(1)} MB/s`);
  line('index the cluster (parse all files)', `${indexMs.toFixed(1)} ms`);
  line('check every file of the cluster', `${fullCheck.toFixed(1)} ms`);
  line('one keystroke: re-parse + re-check its node', `${incremental.toFixed(3)} ms`);
  line('full check / one keystroke', `${(fullCheck / incremental).toFixed(0)}x`);
  line('one keystroke in pf.conf: re-parse + re-check its node', `${pfKeystroke.toFixed(3)} ms`);

  // Hostile inputs: each must stay near linear, so its time is printed relative
  // to a realistic file of the same size.
  const realistic = rcConf(7).repeat(Math.ceil(100_000 / rcConf(7).length)).slice(0, 100_000);
  const baseline = time(() => parseRcConf(realistic), 200);
  const hostile: [string, string][] = [
    ['unterminated quote, 100,000 chars', `a="${'x'.repeat(100_000)}`],
    ['one 100,000-char assignment', `a=${'x'.repeat(100_000)}\n`],
    ['$( nested 33,000 deep', '$('.repeat(33_000)],
    ['${x:- nested 20,000 deep', '${x:-'.repeat(20_000)],
    ['if x; then x 9,000', 'if x; then\n'.repeat(9_000)],
    ['backslashes, 100,000', '\\'.repeat(100_000)],
  ];
  for (const [label, text] of hostile) {
    line(`rc.conf hostile: ${label}`, `${(time(() => parseRcConf(text), 200) / baseline).toFixed(2)}x the time of a realistic 100 KB file`);
  }

}

main();

/** The help of each command, printed by --help and after a usage error. */

export const CHECK_USAGE = `usage: freebsd-conf check [--format text|json|sarif] [--max-warnings N] [--kind rc|loader|sysctl|pf] [--settings FILE] [--show-passwords] [PATH...]

Checks FreeBSD rc.conf, loader.conf, sysctl.conf and pf.conf files. Directories
are scanned for those files; files are checked as given. PATH defaults to ".".

  --format        text (default): file:line:col severity code message
                  json: {"diagnostics": [...]}; sarif: SARIF 2.1.0
  --max-warnings  exit 1 when there are more warnings than N (-1: no limit, the default)
  --kind          file type for files whose name does not tell it (a name
                  that tells, such as rc.conf, keeps its own kind)
  --settings      JSON file with freebsdConf settings (e.g. {"severity": {"rc/syntax": "off"}});
                  any mistake in it is reported with its line, and nothing is checked
  --show-passwords  show CARP passwords in messages as written; they are masked
                  by default ("showPasswords": true in the settings file does the
                  same). Quick-fixes, whose edits hold the real pass, are never printed

exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage, invalid
settings, or a PATH that could not be checked (missing, unreadable, or a
directory without any of the four files); the other PATHs are still checked`;

export const TOPOLOGY_USAGE = `usage: freebsd-conf topology [--format text|json|mermaid|dot] [--fail NODE]... [--kind rc|loader|sysctl|pf] [--show-passwords] [PATH...]

Shows the CARP clusters of the nodes under the PATHs: each vhid group (vhid,
subnet, VIPs) and its members (node, interface, advbase, advskew), with the
MASTER the kernel's election predicts and the BACKUPs in the order they would
take over. PATHs are read as by check; PATH defaults to ".".

  --format        text (default); json: {"clusters": [...]}; mermaid: a
                  flowchart; dot: a Graphviz digraph
  --fail          take NODE as down (its name, full hostname, or folder) and
                  show the election without it; may be given several times
  --kind          file type for files whose name does not tell it
  --show-passwords  show each member's CARP pass (text and json) as written;
                  it is masked by default. Diagrams never show it

exit status: 0 every vhid group has a MASTER, 1 a group is left without one
(every member failed, or is on a carpN interface, which FreeBSD 10 and later
never create), 2 bad usage (an unknown --fail NODE too) or a PATH that could
not be read`;

export const USAGE = `usage: freebsd-conf check [options] [PATH...]
       freebsd-conf topology [options] [PATH...]
       freebsd-conf --version

${CHECK_USAGE}

${TOPOLOGY_USAGE}`;

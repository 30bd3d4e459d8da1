import { SETTINGS_SCHEMA } from '../settings';

/**
 * The JSON schema of freebsd-conf.json. `npm run sync-manifest` writes it to
 * schemas/freebsd-conf.schema.json, which package.json's jsonValidation hands
 * to VS Code's JSON support (completion, hover, and its own squiggles); a unit
 * test fails when the file and this constant differ. The parser
 * (manifest-parse.ts) takes its key lists from here, so the schema VS Code
 * shows and what the server reads cannot drift apart. `severity` is the very
 * schema of the `freebsdConf.severity` setting.
 */

/** A node name: a host name label, as `hostname` gives it (dots and underscores allowed). */
export const NODE_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const NODE_NAME = new RegExp(NODE_NAME_PATTERN);

/** What NODE_NAME_PATTERN allows, in words, for messages. */
export const NODE_NAME_RULE = 'use letters, digits, ".", "-" and "_", starting with a letter or digit';

export function isNodeName(name: string): boolean {
  return NODE_NAME.test(name);
}

const path = (what: string): Record<string, unknown> => ({
  type: 'string',
  minLength: 1,
  markdownDescription: `${what}, relative to the folder of freebsd-conf.json, with \`/\` between folders (it may not lead out of that folder).`,
});

const paths = (what: string): Record<string, unknown> => ({
  anyOf: [path(what), { type: 'array', items: path(what), minItems: 1 }],
});

/** The setting's schema without its default: a manifest without "severity" changes nothing. */
const severity = Object.fromEntries(Object.entries(SETTINGS_SCHEMA['freebsdConf.severity']).filter(([key]) => key !== 'default'));

export const MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'freebsd-conf.json',
  markdownDescription: 'Describes the nodes and CARP clusters of a workspace of FreeBSD configurations, for the freebsd-conf checks.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    nodes: {
      type: 'object',
      markdownDescription:
        'Nodes named explicitly: name → the node\'s folder (`"fw1": "sites/ams/fw1"`), or an object giving its `folder`, its `files` when they are not laid out as `etc/rc.conf` or a flat `rc.conf`, and `deviceCarp`. A name overrides the one the node\'s `hostname` gives.',
      propertyNames: { pattern: NODE_NAME_PATTERN },
      additionalProperties: {
        anyOf: [
          path("The node's folder: the copy of its `/` (holding `etc/rc.conf`) or the folder of its flat `rc.conf`"),
          {
            type: 'object',
            properties: {
              folder: path("The node's folder: the copy of its `/` (holding `etc/rc.conf`) or the folder of its flat `rc.conf`"),
              files: {
                type: 'object',
                markdownDescription:
                  "The node's files by kind, each a path or a list of paths read in the order given (after the node's own `rc.conf`, before `rc.conf.local`). Without `folder`, the node's folder is `<name>` beside freebsd-conf.json.",
                properties: { rc: paths('An rc.conf'), loader: paths('A loader.conf'), sysctl: paths('A sysctl.conf'), pf: paths('A pf.conf') },
                additionalProperties: false,
              },
              deviceCarp: {
                type: 'boolean',
                markdownDescription: "The node's kernel is built with `device carp`: nothing needs to load carp.ko.",
              },
            },
            additionalProperties: false,
          },
        ],
      },
    },
    clusters: {
      type: 'object',
      markdownDescription: 'CARP clusters by name: their nodes, the intended primary, or active/active.',
      additionalProperties: {
        type: 'object',
        properties: {
          nodes: { type: 'array', items: { type: 'string', pattern: NODE_NAME_PATTERN }, minItems: 2, uniqueItems: true, markdownDescription: 'The names of the nodes of the cluster.' },
          primary: { type: 'string', pattern: NODE_NAME_PATTERN, markdownDescription: 'The node meant to be MASTER of every vhid of the cluster.' },
          activeActive: {
            type: 'boolean',
            markdownDescription: 'The vhids are meant to have different MASTERs (active/active); then `primary` is not given.',
          },
        },
        required: ['nodes'],
        additionalProperties: false,
      },
    },
    reservedVhids: {
      type: 'array',
      markdownDescription: 'Vhids that other equipment (an ISP router, VRRP) uses on a segment, so no cluster may use them there.',
      items: {
        type: 'object',
        properties: {
          segment: { type: 'string', markdownDescription: 'The segment as `network/prefix`: `192.0.2.0/24`, `2001:db8::/64`.' },
          vhids: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 255 }, minItems: 1, markdownDescription: 'The vhids (VRRP ids) in use there, 1-255.' },
          note: { type: 'string', markdownDescription: 'Who uses them, for the messages.' },
        },
        required: ['segment', 'vhids'],
        additionalProperties: false,
      },
    },
    severity: {
      ...severity,
      markdownDescription:
        'Severity per diagnostic code for the files of this workspace, as the `freebsdConf.severity` setting. A code set in the setting (or in the CLI\'s `--settings` file) wins over this.',
    },
  },
  additionalProperties: false,
} as const;

/** The keys each object of the manifest may hold, for the parser's unknown-key warnings. */
export const MANIFEST_KEYS = {
  root: Object.keys(MANIFEST_SCHEMA.properties),
  node: Object.keys(MANIFEST_SCHEMA.properties.nodes.additionalProperties.anyOf[1].properties),
  files: Object.keys(MANIFEST_SCHEMA.properties.nodes.additionalProperties.anyOf[1].properties.files.properties),
  cluster: Object.keys(MANIFEST_SCHEMA.properties.clusters.additionalProperties.properties),
  reserved: Object.keys(MANIFEST_SCHEMA.properties.reservedVhids.items.properties),
} as const;

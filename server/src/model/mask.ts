/** What a masked password is shown as: fixed length, so not even the length leaks. */
export const MASKED_PASSWORD = '••••••';

/**
 * The text to show for a CARP `pass` in hovers, symbols, views and CLI
 * output. The key is the vhid's only protection (anyone who knows it can
 * take over the VIPs), and screens get shared and logs get pasted, so it is
 * masked unless the user explicitly asked to see it.
 */
export function maskPassword(pass: string, show = false): string {
  return show ? pass : MASKED_PASSWORD;
}

/** `Content-Disposition` for a download with a Chinese file name, with an ASCII fallback. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

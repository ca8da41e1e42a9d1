/**
 * Reads just enough of a new connection to know which host it is for, before deciding whether to
 * serve it, reset it or hand it to the TLS/HTTP server: the SNI of a TLS ClientHello, or the Host
 * header of a plain HTTP request (Firefox's port override and Chromium's MAP rules send both to us).
 */

export type Sniffed =
  | { kind: 'tls'; host: string | null }
  | { kind: 'http'; host: string | null }
  | { kind: 'incomplete' }
  | { kind: 'unknown' };

export function sniff(buf: Buffer): Sniffed {
  if (buf.length === 0) return { kind: 'incomplete' };
  if (buf[0] === 0x16) return sniffTls(buf);
  if (/^[A-Z]/.test(String.fromCharCode(buf[0]!))) return sniffHttp(buf);
  return { kind: 'unknown' };
}

function sniffHttp(buf: Buffer): Sniffed {
  const text = buf.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return buf.length > 16_384 ? { kind: 'http', host: null } : { kind: 'incomplete' };
  const m = /\r\nhost:[ \t]*([^\r\n:]+)/i.exec(text.slice(0, end));
  return { kind: 'http', host: m?.[1]?.toLowerCase() ?? null };
}

/** TLS record (5 bytes) → Handshake ClientHello → extensions → server_name (type 0). */
function sniffTls(buf: Buffer): Sniffed {
  if (buf.length < 5) return { kind: 'incomplete' };
  const recordLen = buf.readUInt16BE(3);
  if (buf.length < 5 + recordLen) return { kind: 'incomplete' };
  try {
    let p = 5;
    if (buf[p] !== 1) return { kind: 'tls', host: null }; // not a ClientHello
    p += 4 + 2 + 32; // handshake header, client version, random
    p += 1 + buf[p]!; // session id
    p += 2 + buf.readUInt16BE(p); // cipher suites
    p += 1 + buf[p]!; // compression methods
    const extEnd = p + 2 + buf.readUInt16BE(p);
    p += 2;
    while (p + 4 <= extEnd) {
      const type = buf.readUInt16BE(p);
      const len = buf.readUInt16BE(p + 2);
      if (type === 0) {
        // server_name_list: length(2), name_type(1) = host_name, name length(2), name
        const nameLen = buf.readUInt16BE(p + 7);
        return { kind: 'tls', host: buf.toString('latin1', p + 9, p + 9 + nameLen).toLowerCase() };
      }
      p += 4 + len;
    }
    return { kind: 'tls', host: null };
  } catch {
    return { kind: 'tls', host: null }; // truncated or malformed: serve it without a host
  }
}

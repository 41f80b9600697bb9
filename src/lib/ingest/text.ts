/**
 * Text hygiene for seed files: decoding, line splitting and character normalisation.
 * Pure functions, no I/O.
 */

/** A problem that makes a whole file unreadable as text. */
export class SeedDecodeError extends Error {
  /** Byte offset of the first offending byte, when one applies. */
  readonly byteOffset: number | undefined;
  constructor(message: string, byteOffset?: number) {
    super(message);
    this.name = 'SeedDecodeError';
    this.byteOffset = byteOffset;
  }
}

/**
 * Decode the raw bytes of a seed file as UTF-8 text.
 *
 * @param bytes - the file's contents.
 * @returns the decoded text, with a leading UTF-8 byte-order mark removed.
 * @throws SeedDecodeError when the file is empty, contains a NUL byte (a binary file), or is not
 *   valid UTF-8 (WHATWG Encoding Standard, `fatal: true` decoder); the message gives the byte offset.
 */
export function decodeSeed(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SeedDecodeError('file is empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new SeedDecodeError(`contains a NUL byte at byte offset ${nul}; not a text file`, nul);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === '') throw new SeedDecodeError('file holds only whitespace');
    return text;
  } catch (err) {
    if (err instanceof SeedDecodeError) throw err;
    const offset = firstInvalidUtf8Offset(bytes);
    throw new SeedDecodeError(`is not valid UTF-8 (invalid byte sequence at byte offset ${offset})`, offset);
  }
}

/**
 * Find the byte offset of the first invalid UTF-8 sequence (RFC 3629 §4 well-formed sequences).
 * @returns the offset, or -1 when the bytes are well-formed.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Split text into lines on LF, CRLF or lone CR, keeping 1-based numbering aligned with what an
 * editor shows. A trailing newline does not create an extra line.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Zero-width characters (U+200B..U+200D, U+2060 word joiner, U+FEFF BOM/ZWNBSP) carry no text.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Unicode space separators (category Zs) other than U+0020, plus tab: shown as one plain space.
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * Normalise one line of seed text: Unicode NFC (UAX #15), zero-width characters removed,
 * non-breaking and other Unicode spaces turned into U+0020, runs of spaces collapsed, trimmed.
 */
export function normaliseLine(line: string): string {
  return line.normalize('NFC').replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

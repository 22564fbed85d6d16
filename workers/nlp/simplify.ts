import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let converter: Convert | undefined;
/** Han characters (BMP) that convert to something else on their own, as a bitmap over U+3400–U+9FFF. */
let changing: Uint8Array | undefined;
const HAN_START = 0x3400;
const HAN_END = 0x9fff;

function load(): Convert {
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const chars: string[] = [];
  for (let c = HAN_START; c <= HAN_END; c++) chars.push(String.fromCharCode(c));
  // One call over newline-separated characters: phrases never span a newline.
  const out = convert(chars.join('\n')).split('\n');
  changing = new Uint8Array(HAN_END - HAN_START + 1);
  for (let i = 0; i < chars.length; i++) if (out[i] !== chars[i]) changing[i] = 1;
  converter = convert;
  return convert;
}

/**
 * Traditional (Taiwan standard) → simplified Chinese. The tables load once, on first use. Most
 * texts are already simplified: a text with no character that converts on its own is returned
 * as is, which skips the phrase conversion (several microseconds) for them.
 */
export function toSimplified(text: string): string {
  const convert = converter ?? load();
  const map = changing!;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Compatibility ideographs always go through the converter; astral (extension B+) ones are left as they are.
    if (c >= HAN_START && c <= HAN_END ? map[c - HAN_START] === 1 : c >= 0xf900 && c <= 0xfaff) {
      return convert(text);
    }
  }
  return text;
}

/**
 * Full-width ASCII forms (Ｕ+FF01–FF5E) → ASCII and the ideographic space → space. Chinese
 * punctuation therefore reads as ASCII afterwards: "，" → ",", "！" → "!", "？" → "?", "：" → ":".
 */
export function toHalfWidth(text: string): string {
  let i = 0;
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

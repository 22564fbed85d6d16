import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LinearModel, type ModelHeader } from './linear-model.js';

/** Where the shipped model files live (committed; rebuilt by `npm run train`). */
export const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

/**
 * Model file format: gzip of [u32 LE header length][header JSON][f32 LE scale][int8 weights]. Weights
 * are quantised to int8 with one scale per file, clipped at a high quantile of |w| so that the
 * rare huge weight does not cost every other weight its resolution.
 */
export function encodeModel(header: ModelHeader, weights: Float32Array, clipQuantile = 0.9999): Buffer {
  const scale = quantScale(weights, clipQuantile);
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scale)));
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const buf = Buffer.alloc(4 + head.length + 4 + q.length);
  buf.writeUInt32LE(head.length, 0);
  head.copy(buf, 4);
  buf.writeFloatLE(scale, 4 + head.length);
  Buffer.from(q.buffer, q.byteOffset, q.byteLength).copy(buf, 8 + head.length);
  return gzipSync(buf, { level: 9 });
}

export function decodeModel(file: Buffer): LinearModel {
  const buf = gunzipSync(file);
  const headLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headLen).toString('utf8')) as ModelHeader;
  const scale = buf.readFloatLE(4 + headLen);
  // A copy, so the model does not pin the whole decompressed buffer.
  const q = new Int8Array(buf.buffer.slice(buf.byteOffset + 8 + headLen, buf.byteOffset + buf.length));
  return new LinearModel(header, q, scale);
}

function quantScale(w: Float32Array, q: number): number {
  const nz: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) nz.push(Math.abs(w[i]!));
  if (nz.length === 0) return 1;
  nz.sort((a, b) => a - b);
  const clip = nz[Math.min(nz.length - 1, Math.floor(q * nz.length))]!;
  return clip / 127 || 1;
}

export function writeModel(file: string, header: ModelHeader, weights: Float32Array): number {
  const buf = encodeModel(header, weights);
  writeFileSync(file, buf);
  return buf.length;
}

export function readModel(file: string): LinearModel {
  return decodeModel(readFileSync(file));
}

// Writes a tiny llama-architecture GGUF file (GGUF v3, F32 tensors, an SPM vocabulary) that
// llama.cpp loads and that says one scripted sentence, deterministically. Attention and
// feed-forward weights are zero, so each position's hidden state is its token's embedding
// and the model is a bigram table: every non-word token leads to the first word, each word to
// the next, the last word to end-of-text. No weights are downloaded; the test makes them.
// Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
import { writeFileSync } from "node:fs";

const TYPE = { INT32: 5, UINT32: 4, FLOAT32: 6, STRING: 8, ARRAY: 9 } as const;
type Value = { type: number; value: unknown };

const EMBED = 32; // embedding width; also the most words a script may have, plus one
const FFN = 64;
const HEADS = 4;
const BYTE_TOKENS = 256;
const FIRST_WORD = 3 + BYTE_TOKENS; // after <unk>, <s>, </s> and the byte tokens

/** Writes the file; `words` (distinct, at most 31) is the sentence the model will say. */
export function writeTinyGguf(path: string, words: readonly string[]): void {
  if (words.length >= EMBED || new Set(words).size !== words.length) throw new Error("writeTinyGguf: up to 31 distinct words");
  const tokens = ["<unk>", "<s>", "</s>", ...Array.from({ length: BYTE_TOKENS }, (_, i) => `<0x${i.toString(16).toUpperCase().padStart(2, "0")}>`), ...words.map((w) => `▁${w}`)];
  const n = tokens.length;
  // Token types of llama.cpp: 1 normal, 2 unknown, 3 control, 6 byte.
  const types = tokens.map((_, i) => (i === 0 ? 2 : i < 3 ? 3 : i < FIRST_WORD ? 6 : 1));
  const metadata: [string, Value][] = [
    ["general.architecture", { type: TYPE.STRING, value: "llama" }],
    ["general.name", { type: TYPE.STRING, value: "pmxlab tiny test model" }],
    ["llama.context_length", { type: TYPE.UINT32, value: 8192 }],
    ["llama.embedding_length", { type: TYPE.UINT32, value: EMBED }],
    ["llama.block_count", { type: TYPE.UINT32, value: 1 }],
    ["llama.feed_forward_length", { type: TYPE.UINT32, value: FFN }],
    ["llama.attention.head_count", { type: TYPE.UINT32, value: HEADS }],
    ["llama.attention.head_count_kv", { type: TYPE.UINT32, value: HEADS }],
    ["llama.attention.layer_norm_rms_epsilon", { type: TYPE.FLOAT32, value: 1e-5 }],
    ["llama.rope.dimension_count", { type: TYPE.UINT32, value: EMBED / HEADS }],
    ["tokenizer.ggml.model", { type: TYPE.STRING, value: "llama" }],
    ["tokenizer.ggml.tokens", { type: TYPE.ARRAY, value: [TYPE.STRING, tokens] }],
    ["tokenizer.ggml.scores", { type: TYPE.ARRAY, value: [TYPE.FLOAT32, tokens.map(() => 0)] }],
    ["tokenizer.ggml.token_type", { type: TYPE.ARRAY, value: [TYPE.INT32, types] }],
    ["tokenizer.ggml.bos_token_id", { type: TYPE.UINT32, value: 1 }],
    ["tokenizer.ggml.eos_token_id", { type: TYPE.UINT32, value: 2 }],
    ["tokenizer.ggml.unknown_token_id", { type: TYPE.UINT32, value: 0 }],
  ];

  // State k: 0 before the sentence, j + 1 after word j. Embedding of a token = one-hot of its state.
  const embed = new Float32Array(EMBED * n);
  for (let t = 0; t < n; t++) embed[t * EMBED + (t >= FIRST_WORD ? t - FIRST_WORD + 1 : 0)] = 1;
  // Output row of the token that follows state k has a large weight at k.
  const output = new Float32Array(EMBED * n);
  for (let k = 0; k <= words.length; k++) {
    const next = k < words.length ? FIRST_WORD + k : 2;
    output[next * EMBED + k] = 10;
  }
  const zeros = (size: number) => new Float32Array(size);
  const ones = (size: number) => new Float32Array(size).fill(1);
  const tensors: [string, number[], Float32Array][] = [
    ["token_embd.weight", [EMBED, n], embed],
    ["output_norm.weight", [EMBED], ones(EMBED)],
    ["output.weight", [EMBED, n], output],
    ["blk.0.attn_norm.weight", [EMBED], ones(EMBED)],
    ["blk.0.attn_q.weight", [EMBED, EMBED], zeros(EMBED * EMBED)],
    ["blk.0.attn_k.weight", [EMBED, EMBED], zeros(EMBED * EMBED)],
    ["blk.0.attn_v.weight", [EMBED, EMBED], zeros(EMBED * EMBED)],
    ["blk.0.attn_output.weight", [EMBED, EMBED], zeros(EMBED * EMBED)],
    ["blk.0.ffn_norm.weight", [EMBED], ones(EMBED)],
    ["blk.0.ffn_gate.weight", [EMBED, FFN], zeros(EMBED * FFN)],
    ["blk.0.ffn_up.weight", [EMBED, FFN], zeros(EMBED * FFN)],
    ["blk.0.ffn_down.weight", [FFN, EMBED], zeros(FFN * EMBED)],
  ];

  const out = new Writer();
  out.bytes(Buffer.from("GGUF", "latin1"));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, v] of metadata) {
    out.string(key);
    out.u32(v.type);
    out.value(v.type, v.value);
  }
  let offset = 0;
  for (const [name, dims, data] of tensors) {
    out.string(name);
    out.u32(dims.length);
    for (const d of dims) out.u64(d);
    out.u32(0); // F32
    out.u64(offset);
    offset = align(offset + data.byteLength);
  }
  out.pad();
  for (const [, , data] of tensors) {
    out.bytes(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    out.pad();
  }
  writeFileSync(path, out.buffer());
}

const ALIGNMENT = 32; // GGUF's default general.alignment
const align = (n: number) => Math.ceil(n / ALIGNMENT) * ALIGNMENT;

class Writer {
  private parts: Buffer[] = [];
  private length = 0;
  bytes(b: Buffer) {
    this.parts.push(b);
    this.length += b.length;
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.bytes(b);
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.bytes(b);
  }
  string(s: string) {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.bytes(b);
  }
  value(type: number, value: unknown): void {
    const b = Buffer.alloc(4);
    if (type === TYPE.STRING) return this.string(value as string);
    if (type === TYPE.UINT32) b.writeUInt32LE(value as number);
    else if (type === TYPE.INT32) b.writeInt32LE(value as number);
    else if (type === TYPE.FLOAT32) b.writeFloatLE(value as number);
    else {
      const [elementType, items] = value as [number, unknown[]];
      this.u32(elementType);
      this.u64(items.length);
      for (const item of items) this.value(elementType, item);
      return;
    }
    this.bytes(b);
  }
  pad() {
    this.bytes(Buffer.alloc(align(this.length) - this.length));
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

import { effect_cmt } from "./models/effect_cmt.js";
import { emax } from "./models/emax.js";
import { friberg } from "./models/friberg.js";
import { idr1 } from "./models/idr1.js";
import { idr2 } from "./models/idr2.js";
import { idr3 } from "./models/idr3.js";
import { idr4 } from "./models/idr4.js";
import { pk1cmt_iv } from "./models/pk1cmt_iv.js";
import { pk1cmt_oral } from "./models/pk1cmt_oral.js";
import { pk2cmt_idr } from "./models/pk2cmt_idr.js";
import { pk2cmt_iv } from "./models/pk2cmt_iv.js";
import { pk2cmt_oral } from "./models/pk2cmt_oral.js";
import { pk3cmt_iv } from "./models/pk3cmt_iv.js";
import { pk3cmt_oral } from "./models/pk3cmt_oral.js";
import { sigmoid_emax } from "./models/sigmoid_emax.js";
import { simeoni } from "./models/simeoni.js";
import { tmdd } from "./models/tmdd.js";

/** The built-in models' sources by name: a Map, so a name such as "constructor" or "__proto__" is simply unknown. */
export const SOURCES = new Map<string, string>(Object.entries({
  pk1cmt_iv,
  pk1cmt_oral,
  pk2cmt_iv,
  pk2cmt_oral,
  pk3cmt_iv,
  pk3cmt_oral,
  emax,
  sigmoid_emax,
  effect_cmt,
  idr1,
  idr2,
  idr3,
  idr4,
  tmdd,
  simeoni,
  friberg,
  pk2cmt_idr,
}));


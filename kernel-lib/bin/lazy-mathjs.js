"use strict";
// What the pmxlab launcher hands out for require("mathjs"): mathjs's single-file build of
// the same version, loaded on the first read of one of its exports instead of at require
// time. A command that simulates a built-in model (precompiled, see
// src/library/precompiled.ts) never reads one, so it never pays for loading mathjs; a model
// file or a regimen's units load it when they first need it.
let mathjs;
module.exports = new Proxy(
  {},
  {
    get: (_target, key) => Reflect.get((mathjs ??= require("mathjs/lib/browser/math.js")), key),
    has: (_target, key) => Reflect.has((mathjs ??= require("mathjs/lib/browser/math.js")), key),
  },
);

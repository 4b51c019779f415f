#!/usr/bin/env node
// The `caster-studio` command (see run-built.js).
require("./run-built")("caster-studio", "../dist/studio-file/cli/caster-studio");

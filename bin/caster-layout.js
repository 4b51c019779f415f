#!/usr/bin/env node
// The `caster-layout` command (see run-built.js).
require("./run-built")("caster-layout", "../dist/studio-file/cli/caster-layout");

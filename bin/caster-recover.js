#!/usr/bin/env node
// The `caster-recover` command (see run-built.js).
require("./run-built")("caster-recover", "../dist/provider/recovery/cli");

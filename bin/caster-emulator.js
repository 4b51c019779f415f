#!/usr/bin/env node
// The `caster-emulator` command (see run-built.js).
require("./run-built")("caster-emulator", "../dist/emulator/cli");

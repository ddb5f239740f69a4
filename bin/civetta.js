#!/usr/bin/env node
// The npm bin: everything lives in the compiled entry point.
import '../dist/src/cli/main.js';

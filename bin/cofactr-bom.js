#!/usr/bin/env node
/* The cofactr-bom command: runs the compiled CLI (built by `npm install` via "prepare"). */
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("cofactr-bom is not built yet: run `npm run build:node` in the project folder.");
  process.exit(1);
}
require(entry);

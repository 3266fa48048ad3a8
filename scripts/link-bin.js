#!/usr/bin/env node
/* npm links the bins of dependencies into node_modules/.bin, but not the project's own, so
 * `npx cofactr-bom` inside a checkout would miss it. Link it there after install. */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const target = path.join(root, "bin", "cofactr-bom.js");

fs.mkdirSync(binDir, { recursive: true });
if (process.platform === "win32") {
  const shim = `@node "%~dp0\\..\\..\\bin\\cofactr-bom.js" %*\r\n`;
  fs.writeFileSync(path.join(binDir, "cofactr-bom.cmd"), shim);
} else {
  const link = path.join(binDir, "cofactr-bom");
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
}

/** `npm start`: the add-in server over HTTPS, on the embedded emulator unless keys are set. */
import { readConfig } from "./config";
import { caCertificatePath } from "./certs";
import { startAddinServer } from "./start";

async function main(): Promise<void> {
  const config = readConfig();
  const server = await startAddinServer({
    https: true,
    env: process.env,
    host: config.host,
    port: config.port,
    logger: { level: config.logLevel },
  });
  const base = server.url;
  const mode = server.emulator
    ? "embedded Cofactr emulator (no account needed)"
    : server.config.graphCredentials || server.config.platformApiKey
      ? "Cofactr, with the server's keys (gateway token required)"
      : "Cofactr, with each user's own keys";
  const lines = [
    "",
    `Cofactr for Excel is running at ${base}/taskpane.html`,
    `  mode:      ${mode}`,
    `  manifest:  ${base}/manifest.xml   (sideload it: see README.md, "Sideloading")`,
    `  functions: ${base}/functions.json`,
    `  health:    ${base}/api/health`,
  ];
  if (server.emulator) lines.push(`  emulator:  ${server.emulator.url}`);
  if (server.certificatesGenerated) {
    lines.push(
      "",
      `New development certificates were made. Excel only trusts them once the CA is trusted:`,
      `  run "npx office-addin-dev-certs install" on Windows or macOS, or trust ${caCertificatePath}.`,
    );
  }
  console.log(lines.join("\n"));

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

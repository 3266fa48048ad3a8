/** `npm start`: the add-in server over HTTPS, on the embedded emulator unless keys are set. */
import { readConfig } from "./config";
import { buildApp } from "./app";
import { caCertificatePath, loadOrCreateCertificates } from "./certs";

async function main(): Promise<void> {
  const config = readConfig();
  const certificates = await loadOrCreateCertificates(config.httpsCertPath, config.httpsKeyPath);
  const app = buildApp({ config, https: certificates });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const base = `https://localhost:${port}`;
  const lines = [
    "",
    `Cofactr for Excel is running at ${base}/taskpane.html`,
    `  mode:      ${config.mode === "emulator" ? "embedded Cofactr emulator (no account needed)" : "Cofactr"}`,
    `  manifest:  ${base}/manifest.xml   (sideload it: see README.md, "Sideloading")`,
    `  functions: ${base}/functions.json`,
    `  health:    ${base}/api/health`,
  ];
  if (certificates.generated) {
    lines.push(
      "",
      `New development certificates were made. Excel only trusts them once the CA is trusted:`,
      `  run "npx office-addin-dev-certs install" on Windows or macOS, or trust ${caCertificatePath}.`,
    );
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

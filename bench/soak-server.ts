/**
 * The server under soak (a child of bench/soak.ts): `npm start`'s server with its embedded
 * emulator, at the default settings, over plain HTTP. It tells its parent its address, and its
 * resident memory whenever asked.
 */
import { startAddinServer } from "../src/server/start";

async function main(): Promise<void> {
  const server = await startAddinServer({ env: { ...process.env, COFACTR_MODE: "emulator" } });
  const send = (message: unknown) => process.send?.(message);
  process.on("message", (message) => {
    if (message === "rss") {
      // Collected first, so that the figure is what is held, not what awaits collection.
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      collect?.();
      send({ rss: process.memoryUsage().rss });
    } else if (message === "stop") {
      void server.close().then(() => process.exit(0));
    }
  });
  send({ url: server.url });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

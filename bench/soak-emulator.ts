/**
 * The Cofactr emulator in a process of its own (bench/soak.ts --emulator-apart), so that the
 * server's memory is measured without the catalogue and the emulator's own work. It tells its
 * parent its addresses and demo keys.
 */
import { startEmulator } from "../src/server/emulator";

startEmulator({ host: "127.0.0.1", port: 0 })
  .then((emulator) => {
    process.send?.({
      graphUrl: emulator.graphUrl,
      platformUrl: emulator.platformUrl,
      credentials: emulator.credentials,
    });
    process.on("disconnect", () => void emulator.close().then(() => process.exit(0)));
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

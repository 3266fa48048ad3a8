/**
 * `cofactr-bom programs list|availability`: Cofactr programs through the add-in server's /api,
 * with the shared client (core/programs-client.ts).
 */
import type { ProgramAvailabilityResponse } from "../core/api-programs";
import { createProgramsApi, type ProgramsApi } from "../core/programs-client";
import { textTable, type BomsServerOptions } from "./boms-command";
import { ApiClient } from "./http";
import type { CliIo } from "./io";

function programsFor(options: BomsServerOptions): ProgramsApi {
  return createProgramsApi(new ApiClient(options).call);
}

export async function programsListCommand(
  options: BomsServerOptions & { search?: string; limit: number; json?: boolean },
  io: CliIo,
): Promise<number> {
  const page = await programsFor(options).listPrograms({
    limit: options.limit,
    ...(options.search?.trim() ? { search: options.search.trim() } : {}),
  });
  if (options.json) io.out(JSON.stringify(page));
  else if (page.programs.length === 0) io.err("no programs");
  else {
    const rows = page.programs.map((program) => [
      program.id,
      program.name,
      program.line_count ?? "",
      program.updated_at.slice(0, 10),
    ]);
    io.out(textTable(["ID", "Name", "BOMs", "Updated"], rows));
  }
  return 0;
}

const AVAILABILITY_COLUMNS = [
  "MPN",
  "Manufacturer",
  "Required",
  "Purchasable",
  "Authorized",
  "Status",
  "Lead days",
  "Best offer",
  "Unit price",
  "Extended",
] as const;

function availabilityRows(report: ProgramAvailabilityResponse) {
  return report.parts.map((part) => [
    part.part.mpn ?? part.part.cpid,
    part.part.manufacturer ?? "",
    part.required_quantity,
    part.purchasable,
    part.authorized_purchasable,
    part.status,
    part.lead_days ?? "",
    part.best_offer?.seller ?? "",
    part.best_offer?.unit_price ?? "",
    part.best_offer?.extended_price ?? "",
  ]);
}

export async function programsAvailabilityCommand(
  id: string,
  options: BomsServerOptions & { async?: boolean; json?: boolean; pollStartMs?: number },
  io: CliIo,
): Promise<number> {
  const programs = programsFor(options);
  const report = options.async
    ? await programs.followAvailability(id, {
        ...(options.pollStartMs === undefined ? {} : { pollStartMs: options.pollStartMs }),
        onProgress: (job) => io.err(`job ${job.id}: ${job.state} (${job.raw_status})`),
      })
    : await programs.availability(id);
  if (options.json) io.out(JSON.stringify(report));
  else io.out(textTable(AVAILABILITY_COLUMNS, availabilityRows(report)));
  const { totals } = report;
  const cost =
    totals.best_offer_cost === null
      ? ""
      : `; best offers ${totals.best_offer_cost} ${report.currency ?? ""}`;
  io.err(
    `${totals.parts} parts: ${totals.available} available, ${totals.partial} partial, ` +
      `${totals.unavailable} unavailable (${totals.authorized_available} from authorized sellers)` +
      `${cost.trimEnd()}; ${report.unmatched_lines.length} unmatched lines`,
  );
  return 0;
}

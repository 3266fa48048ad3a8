/** How the pane names the BOM fields, in the order it lists them. */
import type { BomField } from "../../core/bom/types";

export const FIELD_LABELS: Record<BomField, string> = {
  mpn: "MPN",
  manufacturer_name: "Manufacturer",
  quantity: "Quantity",
  reference_designators: "Designators",
  description: "Description",
  value: "Value",
  package: "Package",
  do_not_place: "Do not place",
  line_number: "Line number",
  custom_id: "Internal part number",
  alternative_mpns: "Alternate MPNs",
  distributor_sku: "Distributor SKU",
  mount_type: "Mount type",
  link: "Link",
  comments: "Comments",
};

export const FIELD_ORDER = Object.keys(FIELD_LABELS) as BomField[];

/** How sure the mapper is, in words a user can act on. */
export function confidenceLabel(
  confidence: number,
  source: string | null,
): { text: string; tone: "success" | "warning" | "danger" | "informative" } {
  if (source === "user") return { text: "Your choice", tone: "informative" };
  if (source === "saved") return { text: "Saved", tone: "informative" };
  if (confidence >= 0.8)
    return { text: `Sure (${Math.round(confidence * 100)}%)`, tone: "success" };
  if (confidence >= 0.5)
    return { text: `Likely (${Math.round(confidence * 100)}%)`, tone: "warning" };
  return { text: `Guess (${Math.round(confidence * 100)}%)`, tone: "danger" };
}

/**
 * How every part of the product names the BOM fields: the pane's mapping and issue list, and the
 * issue messages the BOM engine writes (which the CLI prints). One set, in the order the pane
 * lists the fields.
 */
import type { BomField } from "./bom/types";

export const FIELD_LABELS: Record<BomField, string> = {
  mpn: "MPN",
  manufacturer_name: "Manufacturer",
  quantity: "Quantity",
  reference_designators: "Designators",
  description: "Description",
  value: "Value",
  package: "Package",
  do_not_place: "Do not place",
  is_custom_part: "Custom part",
  line_number: "Line number",
  custom_id: "Internal part number",
  alternative_mpns: "Alternate MPNs",
  distributor_sku: "Distributor SKU",
  mount_type: "Mount type",
  link: "Link",
  comments: "Comments",
};

export const FIELD_ORDER = Object.keys(FIELD_LABELS) as BomField[];

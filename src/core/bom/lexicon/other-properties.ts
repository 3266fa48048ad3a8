/**
 * Headers that name a property Cofactr does not import: placement data (orientation, layer),
 * purchasing data (lead time, lifecycle, RoHS), pictures, and "optional" flags. Their cells can
 * look like a BOM field ("R90" like a designator, "48w" like a value, "Yes/No" like DNP marks),
 * so a column with such a header is never mapped by its contents alone.
 *
 * Phrases are in normalizeHeader() form (lower case, plurals dropped). Compiled by hand.
 */
const PHRASES = [
  // Placement (pick-and-place) data.
  "orientation",
  "rotation",
  "angle",
  "layer",
  "side",
  "mirror",
  "pos x",
  "pos y",
  "position x",
  "position y",
  "x",
  "y",
  "coordinate",
  // Purchasing and lifecycle data.
  "lead time",
  "leadtime",
  "lifecycle",
  "lifecycle status",
  "rohs",
  "reach",
  "in stock",
  "availability",
  "weight",
  // Pictures of the part.
  "image",
  "picture",
  "photo",
  "thumbnail",
  "image url",
  "picture url",
  "photo url",
  // Builder's choice, not a do-not-place mark.
  "optional",
  "optional part",
  "is optional",
  // German, French, Spanish equivalents of the commonest ones.
  "lieferzeit",
  "bild",
  "foto",
  "optionnel",
  "opcional",
  "drehung",
] as const;

const OTHER_PROPERTIES: ReadonlySet<string> = new Set(PHRASES);

/** True when the (normalized) header names a property that is not a BOM field. */
export function isOtherProperty(normalizedHeader: string): boolean {
  return OTHER_PROPERTIES.has(normalizedHeader);
}

/** Distributor order codes, recognised by shape. Conservative: an MPN must not look like one. */

const DIGIKEY = /^[\w./#+-]{2,40}-ND$/i;
const MOUSER = /^\d{2,3}-[\w./#+-]{3,40}$/;
const LCSC = /^C\d{3,8}$/;

/** True when the cell looks like a distributor's order code rather than a part number. */
export function isDistributorSku(text: string): boolean {
  if (text.length > 48) return false;
  return DIGIKEY.test(text) || MOUSER.test(text) || LCSC.test(text);
}

/* Custom functions (namespace COFACTR). The webpack metadata plugin reads the JSDoc below to
 * build functions.json and appends the CustomFunctions.associate calls, so this module does
 * neither. Each body checks its arguments and makes one call to the lookup service; the logic
 * lives in the modules it imports. Nothing here touches Office at import time. */
import {
  readCurrency,
  readPartQuery,
  readQuantity,
  readRequiredText,
  readSeller,
  readYesNo,
} from "./args";
import { supportsExcelApi } from "../excel/requirements";
import { invalidValue, notAvailable } from "./errors";
import { findFetchedPart, findPart } from "./find-part";
import { excelSerialDate } from "./excel-date";
import { ADDIN_VERSION } from "./version";
import { offersTable } from "./offers-table";
import { partCard } from "./part-card";
import {
  availableToward,
  leadDaysOf,
  sellerOffers,
  specValue,
  stockOf,
  textField,
  unitPriceOf,
  withAuthorized,
} from "./part-facts";
import { priceBreaksTable } from "./price-breaks-table";

/**
 * The version of the Cofactr add-in that computes this workbook's formulas.
 * @customfunction VERSION
 * @helpurl https://localhost:3000/help.html
 * @returns The add-in version, e.g. "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}

/**
 * The part as a card: the cell shows its Cofactr part id; the card shows MPN, manufacturer, description, lifecycle, package, stock, lead time, datasheet and specs.
 * @customfunction PART
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number, e.g. "GRM188R71H104KA93D".
 * @param [manufacturer] Manufacturer name, to pick the right part when several makers use the MPN. Leave empty for any.
 * @returns The part as an entity card (its CPID as text where Excel has no entity values).
 */
export async function partEntity(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<Excel.EntityCellValue | string> {
  const query = readPartQuery(mpn, manufacturer);
  const found = await findFetchedPart(query, "market", invocation);
  // Entity values need ExcelApi 1.16; an older Excel shows the part's CPID as text.
  if (!supportsExcelApi("1.16")) return found.part.cpid;
  return partCard(found.part, found.fetchedAt);
}

/**
 * When the part's prices and stock were fetched from Cofactr, as an Excel date and time (UTC): format the cell as a date and time. Prices are never older than the server's cache lifetime.
 * @customfunction UPDATED
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The fetch time as an Excel date serial number (UTC).
 */
export async function updated(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  const query = readPartQuery(mpn, manufacturer);
  return excelSerialDate((await findFetchedPart(query, "market", invocation)).fetchedAt);
}

/**
 * The Cofactr part id (CPID) of a part.
 * @customfunction CPID
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The CPID, e.g. "CC2DKKO1LUCF".
 */
export async function cpid(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return (await findPart(query, "static", invocation)).cpid;
}

/**
 * The description of a part.
 * @customfunction DESCRIPTION
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The part's description.
 */
export async function description(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return textField(await findPart(query, "static", invocation), "description");
}

/**
 * The manufacturer of a part, as Cofactr names it.
 * @customfunction MANUFACTURER
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name as you know it. Leave empty for any.
 * @returns The manufacturer's name.
 */
export async function manufacturerName(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return textField(await findPart(query, "static", invocation), "manufacturer");
}

/**
 * The lifecycle status of a part: New, Production, NRFND, EOL or Obsolete.
 * @customfunction LIFECYCLE
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The lifecycle status.
 */
export async function lifecycle(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return textField(await findPart(query, "static", invocation), "lifecycle");
}

/**
 * The package (case) of a part, e.g. 0603 or SOIC-8.
 * @customfunction PACKAGE
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The package.
 */
export async function packageCase(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return textField(await findPart(query, "static", invocation), "package");
}

/**
 * The datasheet link of a part.
 * @customfunction DATASHEET
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @returns The datasheet URL.
 */
export async function datasheet(
  mpn: string,
  manufacturer?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  return textField(await findPart(query, "static", invocation), "datasheet");
}

/**
 * The unit price when buying a quantity: the quantity is raised to the minimum order and order multiple, and the price is that of the largest price break at or below it, from the best offer (cheapest in stock) or the named seller.
 * @customfunction PRICE
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @param [quantity] Units to buy, a whole number (default 1).
 * @param [currency] ISO currency code (default "USD").
 * @param [seller] Seller name, e.g. "Digi-Key" or "digikey". Leave empty for the best offer.
 * @param [authorized] TRUE for authorized sellers only (default FALSE).
 * @returns The unit price at that quantity.
 */
export async function price(
  mpn: string,
  manufacturer?: string,
  quantity?: number,
  currency?: string,
  seller?: string,
  authorized?: boolean,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  const query = readPartQuery(mpn, manufacturer);
  const units = readQuantity(quantity);
  const code = readCurrency(currency);
  const sellerName = readSeller(seller);
  const onlyAuthorized = readYesNo(authorized, "authorized", false);
  const part = withAuthorized(await findPart(query, "market", invocation), onlyAuthorized);
  return unitPriceOf(part, units, code, sellerName);
}

/**
 * Units in stock: the total over all sellers, or one seller's.
 * @customfunction STOCK
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @param [seller] Seller name. Leave empty for all sellers.
 * @param [authorized] TRUE for authorized sellers only (default FALSE).
 * @returns Units in stock.
 */
export async function stock(
  mpn: string,
  manufacturer?: string,
  seller?: string,
  authorized?: boolean,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  const query = readPartQuery(mpn, manufacturer);
  const sellerName = readSeller(seller);
  const onlyAuthorized = readYesNo(authorized, "authorized", false);
  return stockOf(await findPart(query, "market", invocation), sellerName, onlyAuthorized);
}

/**
 * Units purchasable now toward a quantity, across sellers, each order honouring its minimum order, order multiple and stock (the build planner's rule); at most the quantity. Leave the manufacturer empty for any: =COFACTR.AVAILABILITY(A2,,1000).
 * @customfunction AVAILABILITY
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param manufacturer Manufacturer name; empty for any.
 * @param quantity Units wanted, a whole number.
 * @param [authorized] TRUE (default) for authorized sellers only, FALSE for any seller.
 * @returns Units purchasable now, from 0 to the quantity.
 */
export async function availability(
  mpn: string,
  manufacturer: string,
  quantity: number,
  authorized?: boolean,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  const query = readPartQuery(mpn, manufacturer);
  if (quantity == null || (quantity as unknown) === "") throw invalidValue("quantity is empty");
  const units = readQuantity(quantity);
  const onlyAuthorized = readYesNo(authorized, "authorized", true);
  return availableToward(await findPart(query, "market", invocation), units, onlyAuthorized);
}

/**
 * Every price break of a part as a table that spills below and right of the cell: quantity, unit price, seller, currency (the seller's own).
 * @customfunction PRICEBREAKS
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @param [seller] Seller name. Leave empty for all sellers.
 * @returns A header row and one row per price break.
 */
export async function priceBreaks(
  mpn: string,
  manufacturer?: string,
  seller?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  const query = readPartQuery(mpn, manufacturer);
  const sellerName = readSeller(seller);
  const part = await findPart(query, "market", invocation);
  const offers = sellerName === undefined ? part.offers : sellerOffers(part, sellerName);
  const table = priceBreaksTable({ ...part, offers });
  if (table.length < 2) throw notAvailable(`no price breaks for ${part.mpn}`);
  return table;
}

/**
 * The shortest lead time in days, over all sellers or for one seller.
 * @customfunction LEADTIME
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @param [seller] Seller name. Leave empty for all sellers.
 * @returns Lead time in days.
 */
export async function leadTime(
  mpn: string,
  manufacturer?: string,
  seller?: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  const query = readPartQuery(mpn, manufacturer);
  const sellerName = readSeller(seller);
  return leadDaysOf(await findPart(query, "market", invocation), sellerName);
}

/**
 * One specification value of a part, e.g. capacitance or voltage rating. Leave the manufacturer empty ("" or two commas) for any: =COFACTR.SPEC(A2,,"capacitance").
 * @customfunction SPEC
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param manufacturer Manufacturer name; empty for any.
 * @param name The spec's name or id, e.g. "capacitance".
 * @returns The spec value as text, e.g. "100 nF".
 */
export async function spec(
  mpn: string,
  manufacturer: string,
  name: string,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<string> {
  const query = readPartQuery(mpn, manufacturer);
  const specName = readRequiredText(name, "spec name");
  return specValue(await findPart(query, "static", invocation), specName);
}

/**
 * Every offer for a part as a table that spills below and right of the cell: seller, sku, authorized, stock, moq, multiple, unit price at the quantity, currency, lead days.
 * @customfunction OFFERS
 * @cancelable
 * @helpurl https://localhost:3000/help.html
 * @param mpn Manufacturer part number.
 * @param [manufacturer] Manufacturer name. Leave empty for any.
 * @param [quantity] Units to buy, for the unit price column (default 1).
 * @param [authorized] TRUE for authorized sellers only (default FALSE).
 * @returns A header row and one row per offer, cheapest first.
 */
export async function offers(
  mpn: string,
  manufacturer?: string,
  quantity?: number,
  authorized?: boolean,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<unknown[][]> {
  const query = readPartQuery(mpn, manufacturer);
  const units = readQuantity(quantity);
  const onlyAuthorized = readYesNo(authorized, "authorized", false);
  const part = withAuthorized(await findPart(query, "market", invocation), onlyAuthorized);
  if (part.offers.length === 0) throw notAvailable(`no offers for ${part.mpn}`);
  return offersTable(part, units);
}

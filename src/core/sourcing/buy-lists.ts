/**
 * Buy lists: a build plan's orders grouped by seller, one row per SKU, in the shape that
 * distributors' BOM upload tools accept (SKU, manufacturer part number, quantity, customer
 * reference).
 */
import { roundMoney } from "../pricing";
import { sellerKey } from "./candidates";
import type { BuildPlan, SourcingBuy } from "./types";

export interface BuyListRow {
  /** The seller's SKU; null when the offer gave none (order by MPN). */
  sku: string | null;
  mpn: string;
  manufacturer: string | null;
  quantity: number;
  /** Extended ÷ quantity (rows merge lines that buy the same SKU). */
  unitPrice: number;
  extendedPrice: number;
  /** The plan line ids buying it, for the order's customer reference. */
  lines: string[];
}

export interface BuyList {
  seller: string;
  sellerId: string;
  build: number;
  rows: BuyListRow[];
  total: number;
}

function rowKey(buy: SourcingBuy): string {
  return `${buy.sku ?? ""}\u0000${buy.mpn}\u0000${buy.manufacturer ?? ""}`;
}

/** One list per seller used in the build, the largest spend first; rows in plan order. */
export function buyLists(build: BuildPlan): BuyList[] {
  const lists = new Map<string, { list: BuyList; rows: Map<string, BuyListRow> }>();
  for (const line of build.lines) {
    for (const buy of line.buys) {
      const key = sellerKey(buy.sellerId, buy.seller);
      let entry = lists.get(key);
      if (entry === undefined) {
        const list = {
          seller: buy.seller,
          sellerId: buy.sellerId,
          build: build.build,
          rows: [],
          total: 0,
        };
        entry = { list, rows: new Map() };
        lists.set(key, entry);
      }
      const row = entry.rows.get(rowKey(buy));
      if (row === undefined) {
        const created: BuyListRow = {
          sku: buy.sku,
          mpn: buy.mpn,
          manufacturer: buy.manufacturer,
          quantity: buy.quantity,
          unitPrice: buy.unitPrice,
          extendedPrice: buy.extendedPrice,
          lines: [line.id],
        };
        entry.rows.set(rowKey(buy), created);
        entry.list.rows.push(created);
      } else {
        row.quantity += buy.quantity;
        row.extendedPrice = roundMoney(row.extendedPrice + buy.extendedPrice);
        row.unitPrice = row.extendedPrice / row.quantity;
        if (!row.lines.includes(line.id)) row.lines.push(line.id);
      }
      entry.list.total = roundMoney(entry.list.total + buy.extendedPrice);
    }
  }
  return [...lists.values()]
    .map((entry) => entry.list)
    .sort((a, b) => b.total - a.total || a.seller.localeCompare(b.seller));
}

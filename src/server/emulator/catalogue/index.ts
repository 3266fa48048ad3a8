/**
 * The emulator's product catalogue: generated once, lazily, from seeded randomness keyed by
 * each part's MPN and maker, so every run (and every machine) sees the same products, CPIDs,
 * offers and prices.
 */
import { capacitorDrafts } from "./capacitors";
import { connectorDrafts } from "./connectors";
import { discreteDrafts } from "./discretes";
import {
  FIXED_ID_DRAFTS,
  glasgowDrafts,
  lifecycleDrafts,
  openApiExampleProduct,
  sharedMpnDrafts,
} from "./fixed";
import { manufacturerLabel } from "./manufacturers";
import { compactMpn } from "./names";
import { generateOffers, randomTimestamp } from "./offers";
import { hashString, SeededRandom } from "./random";
import { resistorDrafts } from "./resistors";
import { semiconductorDrafts } from "./semiconductors";
import type {
  CatalogueDocument,
  CatalogueOffer,
  CatalogueProduct,
  CatalogueSpec,
  PartDraft,
  ProductTotals,
  TerminationType,
} from "./types";
import type { LifecycleStatus } from "../../../core/cofactr";

const CPID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const CPID_PREFIX: [RegExp, string][] = [
  [/ceramic capacitors/, "CC"],
  [/capacitor/, "CP"],
  [/resistor/, "RS"],
  [/connector|terminal/, "CN"],
  [/mosfet|transistor/, "TR"],
  [/diode/, "DI"],
  [/led/, "LD"],
  [/ferrite/, "FB"],
  [/crystal/, "XT"],
  [/switch/, "SW"],
];

function cpidPrefix(classification: string): string {
  return CPID_PREFIX.find(([pattern]) => pattern.test(classification))?.[1] ?? "IC";
}

function drawLifecycle(rng: SeededRandom): LifecycleStatus {
  const roll = rng.next();
  if (roll < 0.03) return "Obsolete";
  if (roll < 0.06) return "EOL";
  if (roll < 0.1) return "NRFND";
  if (roll < 0.14) return "New";
  return "Production";
}

function datasheetDocument(url: string) {
  const last = url.split("?")[0]?.split("/").pop() ?? "";
  return {
    label: "Datasheet",
    url,
    filename: last.toLowerCase().endsWith(".pdf") ? last : "Untitled",
  };
}

/**
 * A generated product. Offers (and the totals that depend on them) are made on first use from
 * their own seeded generator: building 25,000 offers up front would slow the first request.
 */
class GeneratedProduct implements CatalogueProduct {
  private generated: {
    offers: CatalogueOffer[];
    totals: ProductTotals;
    minLead: number | null;
  } | null = null;

  constructor(
    readonly id: string,
    readonly deprecated_ids: string[],
    private readonly draft: PartDraft,
    readonly lifecycle_status: LifecycleStatus,
    /** Seeds for the image URL and update time, formatted on demand to keep the build light. */
    private readonly imageSeed: number,
    private readonly updatedSeed: number,
  ) {}

  get hero_image(): string {
    const hex = new SeededRandom(this.imageSeed).chars(HEX, 32);
    const parts = [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ];
    return `https://assets.cofactr.com/image/${parts.join("-")}.jpg`;
  }

  get updated_at(): string {
    return randomTimestamp(new SeededRandom(this.updatedSeed), 720);
  }

  get mpn(): string {
    return this.draft.mpn;
  }
  get alt_mpns(): string[] {
    return this.draft.alt_mpns ?? [];
  }
  get mfr(): string {
    return this.draft.mfr;
  }
  get mfr_label(): string {
    return manufacturerLabel(this.draft.mfr);
  }
  get classification(): string {
    return this.draft.classification;
  }
  get description(): string {
    return this.draft.description;
  }
  get msl(): string | null {
    return this.draft.msl ?? null;
  }
  get package(): string | null {
    return this.draft.package;
  }
  get terminations(): number | null {
    return this.draft.terminations;
  }
  get termination_type(): TerminationType {
    return this.draft.termination_type;
  }
  get specs(): CatalogueSpec[] {
    return this.draft.specs;
  }
  get documents(): CatalogueDocument[] {
    return this.draft.datasheet ? [datasheetDocument(this.draft.datasheet)] : [];
  }
  get offers(): CatalogueOffer[] {
    return this.generate().offers;
  }
  get totals(): ProductTotals {
    return this.generate().totals;
  }
  get min_lead(): number | null {
    return this.generate().minLead;
  }

  private generate() {
    if (this.generated) return this.generated;
    const rng = new SeededRandom(hashString(`offers|${this.draft.mfr}|${this.draft.mpn}`));
    const offers = generateOffers({ ...this.draft, lifecycle_status: this.lifecycle_status }, rng);
    const inStock = offers.filter((offer) => offer.inventory_level > 0);
    const buyable = inStock.filter((offer) => offer.prices.length > 0).length;
    const leads = inStock.map((offer) => offer.seller.lead);
    this.generated = {
      offers,
      totals: {
        inventory_level: inStock.reduce((sum, offer) => sum + offer.inventory_level, 0),
        buyable,
        quotable: offers.length - buyable,
        maybe: 0,
      },
      minLead: leads.length > 0 ? Math.min(...leads) : null,
    };
    return this.generated;
  }
}

const HEX = "0123456789abcdef";

/** Gives a draft its CPID, deprecated CPIDs, lifecycle and dates. */
function realise(
  draft: PartDraft,
  takenIds: Set<string>,
  options: { id?: string; fixedLifecycle?: boolean },
): CatalogueProduct {
  const rng = new SeededRandom(hashString(`${draft.mfr}|${draft.mpn}`));
  const newId = (): string => {
    let id: string;
    do id = cpidPrefix(draft.classification) + rng.chars(CPID_ALPHABET, 10);
    while (takenIds.has(id));
    takenIds.add(id);
    return id;
  };
  const id = options.id ?? newId();
  takenIds.add(id);
  const lifecycle =
    draft.lifecycle_status ?? (options.fixedLifecycle ? "Production" : drawLifecycle(rng));
  const deprecatedIds = rng.chance(0.06) ? Array.from({ length: rng.int(1, 3) }, newId) : [];
  return new GeneratedProduct(
    id,
    deprecatedIds,
    draft,
    lifecycle,
    rng.int(0, 0xffffffff),
    rng.int(0, 0xffffffff),
  );
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushUnique<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  if (!map.get(key)?.includes(value)) pushTo(map, key, value);
}

export class Catalogue {
  private readonly byId = new Map<string, CatalogueProduct>();
  private readonly byMpn = new Map<string, CatalogueProduct[]>();
  private readonly byCompactMpn = new Map<string, CatalogueProduct[]>();
  /** Built on first use: SKUs come from offers, which are generated lazily. */
  private bySku: Map<string, CatalogueProduct[]> | null = null;
  /** Lower-case text searched by the default strategy, built on first use. */
  private readonly haystacks = new Map<CatalogueProduct, string>();

  constructor(readonly products: readonly CatalogueProduct[]) {
    for (const product of products) {
      this.byId.set(product.id, product);
      for (const old of product.deprecated_ids) this.byId.set(old, product);
      const upper = product.mpn.toUpperCase();
      const compact = compactMpn(product.mpn);
      pushTo(this.byMpn, upper, product);
      pushTo(this.byCompactMpn, compact, product);
      for (const alt of product.alt_mpns) {
        if (alt.toUpperCase() !== upper) pushUnique(this.byMpn, alt.toUpperCase(), product);
        if (compactMpn(alt) !== compact) pushUnique(this.byCompactMpn, compactMpn(alt), product);
      }
    }
  }

  get size(): number {
    return this.products.length;
  }

  /** A product by CPID, canonical or deprecated. */
  get(id: string): CatalogueProduct | undefined {
    return this.byId.get(id.trim().toUpperCase());
  }

  /** Exact MPN or alternate MPN, ignoring case. */
  byExactMpn(mpn: string): CatalogueProduct[] {
    return this.byMpn.get(mpn.trim().toUpperCase()) ?? [];
  }

  /** MPN compared on letters and digits only ("RC0402FR-07 10KL" finds "RC0402FR-0710KL"). */
  byLooseMpn(mpn: string): CatalogueProduct[] {
    const compact = compactMpn(mpn);
    return compact === "" ? [] : (this.byCompactMpn.get(compact) ?? []);
  }

  bySellerSku(sku: string): CatalogueProduct[] {
    if (!this.bySku) {
      this.bySku = new Map();
      for (const product of this.products) {
        const skus = new Set(product.offers.map((offer) => offer.sku?.toUpperCase() ?? ""));
        for (const code of skus) if (code !== "") pushTo(this.bySku, code, product);
      }
    }
    return this.bySku.get(sku.trim().toUpperCase()) ?? [];
  }

  /** The text the default strategy searches: MPNs, maker, class and description. */
  searchText(product: CatalogueProduct): string {
    let text = this.haystacks.get(product);
    if (text === undefined) {
      text = [product.mpn, ...product.alt_mpns, product.mfr, product.mfr_label]
        .concat([product.classification, product.description])
        .join("\n")
        .toLowerCase();
      this.haystacks.set(product, text);
    }
    return text;
  }
}

function allDrafts(): { draft: PartDraft; id?: string; fixedLifecycle?: boolean }[] {
  const fixed = [
    ...FIXED_ID_DRAFTS.map(({ id, draft }) => ({ draft, id, fixedLifecycle: true })),
    ...[...glasgowDrafts(), ...sharedMpnDrafts(), ...lifecycleDrafts()].map((draft) => ({
      draft,
      fixedLifecycle: true,
    })),
  ];
  const generated = [
    ...resistorDrafts(),
    ...capacitorDrafts(),
    ...semiconductorDrafts(),
    ...connectorDrafts(),
    ...discreteDrafts(),
  ].map((draft) => ({ draft }));
  return [...fixed, ...generated];
}

export function buildCatalogue(): Catalogue {
  const example = openApiExampleProduct();
  const takenIds = new Set<string>([example.id, ...example.deprecated_ids]);
  const seen = new Set<string>([`${example.mpn.toUpperCase()}|${example.mfr}`]);
  const products: CatalogueProduct[] = [example];
  for (const entry of allDrafts()) {
    const key = `${entry.draft.mpn.toUpperCase()}|${entry.draft.mfr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    products.push(realise(entry.draft, takenIds, entry));
  }
  return new Catalogue(products);
}

let shared: Catalogue | null = null;

/** The catalogue, built on first use and shared by every emulator in the process. */
export function getCatalogue(): Catalogue {
  shared ??= buildCatalogue();
  return shared;
}

export type { CatalogueProduct, CatalogueOffer, CatalogueSeller } from "./types";

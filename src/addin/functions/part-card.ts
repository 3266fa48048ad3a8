/**
 * PART's entity card: the cell shows the CPID; the card shows what a buyer checks first.
 * Missing facts are left out rather than shown as blanks. Entity values are saved with the
 * workbook, so only public part data goes in here.
 */
import type { Part } from "../../core/api";
import { utcMinuteText } from "./excel-date";

type EntityProperties = Record<string, Excel.EntityPropertyType>;

const text = (value: string): Excel.StringCellValue => ({ type: "String", basicValue: value });

export const CARD_PROPERTY = {
  cpid: "CPID",
  mpn: "MPN",
  manufacturer: "Manufacturer",
  description: "Description",
  category: "Category",
  package: "Package",
  lifecycle: "Lifecycle",
  stock: "Stock",
  leadDays: "Lead time (days)",
  sellers: "Sellers",
  datasheet: "Datasheet",
  image: "Image",
  fetched: "Prices fetched",
} as const;

function factProperties(part: Part): EntityProperties {
  const properties: EntityProperties = {
    [CARD_PROPERTY.cpid]: text(part.cpid),
    [CARD_PROPERTY.mpn]: text(part.mpn),
    [CARD_PROPERTY.manufacturer]: text(part.manufacturer),
    [CARD_PROPERTY.stock]: {
      type: "FormattedNumber",
      basicValue: part.total_stock,
      numberFormat: "#,##0",
    },
    [CARD_PROPERTY.sellers]: {
      type: "Double",
      basicValue: new Set(part.offers.map((offer) => offer.seller_id || offer.seller)).size,
    },
  };
  const optionalText: [string, string | null][] = [
    [CARD_PROPERTY.description, part.description],
    [CARD_PROPERTY.category, part.classification],
    [CARD_PROPERTY.package, part.package],
    [CARD_PROPERTY.lifecycle, part.lifecycle],
    [CARD_PROPERTY.datasheet, part.datasheet],
  ];
  for (const [name, value] of optionalText) {
    if (value != null && value.trim() !== "") properties[name] = text(value);
  }
  if (part.min_lead_days != null) {
    properties[CARD_PROPERTY.leadDays] = { type: "Double", basicValue: part.min_lead_days };
  }
  if (part.image) properties[CARD_PROPERTY.image] = { type: "WebImage", address: part.image };
  return properties;
}

/** The part as an Excel entity value with a card layout; `fetchedAt`: when its offers were. */
export function partCard(part: Part, fetchedAt?: number): Excel.EntityCellValue {
  const properties = factProperties(part);
  const specNames: string[] = [];
  for (const spec of part.specs) {
    // A spec labelled like a fact ("Package") must not overwrite it.
    if (spec.label in properties || spec.value.trim() === "") continue;
    properties[spec.label] = text(spec.value);
    specNames.push(spec.label);
  }
  if (fetchedAt !== undefined) properties[CARD_PROPERTY.fetched] = text(utcMinuteText(fetchedAt));
  const present = (names: string[]): string[] => names.filter((name) => name in properties);

  const sections: Excel.CardLayoutSection[] = [
    {
      layout: "List",
      properties: present([
        CARD_PROPERTY.description,
        CARD_PROPERTY.category,
        CARD_PROPERTY.package,
        CARD_PROPERTY.lifecycle,
      ]),
    },
    {
      layout: "List",
      title: "Availability",
      properties: present([
        CARD_PROPERTY.stock,
        CARD_PROPERTY.leadDays,
        CARD_PROPERTY.sellers,
        CARD_PROPERTY.fetched,
      ]),
    },
    {
      layout: "List",
      title: "Specifications",
      collapsible: true,
      collapsed: true,
      properties: specNames,
    },
    {
      layout: "List",
      title: "Identifiers",
      properties: present([CARD_PROPERTY.cpid, CARD_PROPERTY.datasheet]),
    },
  ];

  return {
    type: "Entity",
    text: part.cpid,
    properties,
    layouts: {
      card: {
        title: { property: CARD_PROPERTY.mpn },
        subTitle: { property: CARD_PROPERTY.manufacturer },
        ...(part.image ? { mainImage: { property: CARD_PROPERTY.image } } : {}),
        sections: sections.filter((section) => section.properties.length > 0),
      },
    },
    provider: { description: "Cofactr" },
  };
}

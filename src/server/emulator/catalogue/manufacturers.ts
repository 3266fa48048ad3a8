/**
 * Manufacturers the catalogue draws from: the name products carry (`mfr`), the long name used
 * in autocompletion labels, and the distributor SKU prefixes that make offers look real.
 */

interface ManufacturerInfo {
  label: string;
  /** Digi-Key SKU prefix, e.g. Yageo "311" → "311-10.0KHRCT-ND"-style SKUs. */
  digikey: string;
  /** Mouser SKU prefix, e.g. Murata "81". */
  mouser: string;
}

const MANUFACTURERS: Record<string, ManufacturerInfo> = {
  Yageo: { label: "YAGEO", digikey: "311", mouser: "603" },
  Vishay: { label: "Vishay Dale", digikey: "541", mouser: "71" },
  Panasonic: { label: "Panasonic Electronic Components", digikey: "P", mouser: "667" },
  "Stackpole Electronics": { label: "Stackpole Electronics Inc", digikey: "738", mouser: "708" },
  Ohmite: { label: "Ohmite", digikey: "KDV", mouser: "588" },
  Murata: { label: "Murata Electronics", digikey: "490", mouser: "81" },
  Samsung: { label: "Samsung Electro-Mechanics", digikey: "1276", mouser: "187" },
  TDK: { label: "TDK Corporation", digikey: "445", mouser: "810" },
  KEMET: { label: "KEMET", digikey: "399", mouser: "80" },
  "Taiyo Yuden": { label: "Taiyo Yuden", digikey: "587", mouser: "963" },
  "Texas Instruments": { label: "Texas Instruments", digikey: "296", mouser: "595" },
  "Analog Devices": { label: "Analog Devices Inc.", digikey: "505", mouser: "584" },
  STMicroelectronics: { label: "STMicroelectronics", digikey: "497", mouser: "511" },
  Microchip: { label: "Microchip Technology", digikey: "MCP", mouser: "579" },
  "NXP Semiconductors": { label: "NXP USA Inc.", digikey: "568", mouser: "771" },
  Nexperia: { label: "Nexperia USA Inc.", digikey: "1727", mouser: "771" },
  Infineon: { label: "Infineon Technologies", digikey: "448", mouser: "726" },
  onsemi: { label: "onsemi", digikey: "488", mouser: "863" },
  "Diodes Incorporated": { label: "Diodes Incorporated", digikey: "31", mouser: "621" },
  "Diotec Semiconductor": { label: "Diotec Semiconductor", digikey: "4878", mouser: "637" },
  Littelfuse: { label: "Littelfuse Inc.", digikey: "F", mouser: "576" },
  Bourns: { label: "Bourns Inc.", digikey: "118", mouser: "652" },
  "Alpha & Omega Semiconductor": {
    label: "Alpha & Omega Semiconductor Inc.",
    digikey: "785",
    mouser: "942",
  },
  Molex: { label: "Molex", digikey: "WM", mouser: "538" },
  "TE Connectivity": { label: "TE Connectivity AMP Connectors", digikey: "A", mouser: "571" },
  JST: { label: "JST Sales America Inc.", digikey: "455", mouser: "306" },
  Amphenol: { label: "Amphenol ICC (FCI)", digikey: "609", mouser: "649" },
  Samtec: { label: "Samtec Inc.", digikey: "SAM", mouser: "200" },
  "Korean Hroparts Elec": { label: "Korean Hroparts Elec", digikey: "4518", mouser: "656" },
  "Würth Elektronik": { label: "Würth Elektronik", digikey: "732", mouser: "710" },
  Kingbright: { label: "Kingbright", digikey: "754", mouser: "604" },
  "Lite-On": { label: "Lite-On Inc.", digikey: "160", mouser: "859" },
  "Foshan NationStar Optoelectronics": {
    label: "Foshan NationStar Optoelectronics",
    digikey: "5164",
    mouser: "733",
  },
  Optosupply: { label: "Optosupply", digikey: "5270", mouser: "735" },
  Orient: { label: "Orient", digikey: "5301", mouser: "736" },
  XKB: { label: "XKB Connectivity", digikey: "5315", mouser: "737" },
  "Shanghai Belling": { label: "BL (Shanghai Belling)", digikey: "5402", mouser: "738" },
  Lattice: { label: "Lattice Semiconductor Corporation", digikey: "220", mouser: "842" },
  JWT: { label: "JWT", digikey: "5470", mouser: "739" },
  Abracon: { label: "Abracon LLC", digikey: "535", mouser: "815" },
  FTDI: {
    label: "FTDI, Future Technology Devices International Ltd",
    digikey: "768",
    mouser: "895",
  },
};

export function manufacturerLabel(name: string): string {
  return MANUFACTURERS[name]?.label ?? name;
}

export function skuPrefixes(name: string): { digikey: string; mouser: string } {
  const info = MANUFACTURERS[name];
  return info ? { digikey: info.digikey, mouser: info.mouser } : { digikey: "1", mouser: "999" };
}

/**
 * Hand-placed parts: the products of the Knowledge Graph OpenAPI examples (exact values), the
 * parts of a real open-hardware BOM (Glasgow revC3) so demos match real files, MPNs shared by
 * two manufacturers, and an obsolete part nobody sells.
 */
import { capacitorDraft } from "./capacitors";
import { discreteDraft } from "./discretes";
import { manufacturerLabel } from "./manufacturers";
import { yageoResistor } from "./resistors";
import { icDraft } from "./semiconductors";
import { SELLER_PROFILES } from "./sellers";
import { sizeSpecs, spec } from "./specs";
import type { CatalogueProduct, PartDraft } from "./types";

/** CPID CC2DKKO1LUCF exactly as the OpenAPI examples show it (product-v1 and product-offers-v1). */
export function openApiExampleProduct(): CatalogueProduct {
  const digikey = SELLER_PROFILES.digikey?.seller;
  if (!digikey) throw new Error("Digi-Key seller missing");
  const usd = (quantity: number, price: number) => ({
    quantity,
    price,
    currency: "USD",
    converted_currency: "USD",
    converted_price: price,
    conversion_rate: 1.0,
  });
  return {
    id: "CC2DKKO1LUCF",
    deprecated_ids: ["XXLL0JPD4W2X", "CC96NA4H7MOT", "CCI0BFAAL00D"],
    mpn: "GCM21BR72A104KA37L",
    alt_mpns: ["GCM21BR72A104KA37L.", "GCM21BR72A104KA37L"],
    mfr: "Murata",
    mfr_label: manufacturerLabel("Murata"),
    classification: "ceramic capacitors",
    description: "0805 0.1 uF 100V ±10% Tolerance X7R SMT Multilayer Ceramic Capacitor",
    hero_image: "https://assets.cofactr.com/image/772e5cab-cbf3-337d-99ff-c8ac79448a0c.jpg",
    msl: "1",
    package: "0805",
    terminations: null,
    termination_type: "SMT",
    lifecycle_status: "Production",
    specs: [
      spec("capacitance", "Capacitance", "100 nF", { unit: "F", amount: 1e-7 }),
      spec("voltagerating_dc_", "Voltage rating (DC)", "100 V", { unit: "V", amount: 100 }),
      spec("temperaturecoefficient", "Temperature coefficient", "X7R"),
    ],
    documents: [
      {
        label: "Datasheet",
        url: "https://www.mouser.com/datasheet/2/281/1/GCM21BR72A104KA37_01A-3145807.pdf",
        filename: "Untitled",
      },
      {
        label: "Reach Statement",
        url: "http://sigma.octopart.com/reach_statement/Murata-company-16.pdf",
        filename: "Murata-company-16.pdf",
      },
    ],
    offers: [
      {
        seller: digikey,
        is_authorized: true,
        shipping_lead: 4,
        ships_from_country: "US",
        sku: "490-4789-2-ND",
        inventory_level: 652178,
        packaging: "Tape & Reel",
        moq: 3000,
        order_multiple: 1,
        prices: [usd(3000, 0.03828), usd(6000, 0.0354), usd(9000, 0.03395)],
        offer_updated_at: "2026-07-11T00:54:11.127659+00:00",
        factory_lead_days: 147,
        factory_pack_quantity: null,
        on_order_quantity: null,
        multipack_quantity: null,
      },
    ],
    updated_at: "2026-07-09T22:21:55.650630+00:00",
    totals: { inventory_level: 31089253, buyable: 31, quotable: 35, maybe: 0 },
    min_lead: 3,
  };
}

/** Parts with a CPID fixed by a public example; their offers are generated like any other. */
export const FIXED_ID_DRAFTS: { id: string; draft: PartDraft }[] = [
  {
    // The second autocompletion in the OpenAPI example.
    id: "CCEHW3JXS5CQ",
    draft: {
      ...capacitorDraft(
        "GCM21BR71H104KA37L",
        "Murata",
        { size: "0805", pf: 100000, volts: 50, dielectric: "X7R" },
        "https://search.murata.co.jp/Ceramy/image/img/A01X/G101/ENG/GCM21BR71H104KA37-01.pdf",
      ),
      description: "0805 0.1 uF 50V ±10% Tolerance X7R SMT Multilayer Ceramic Capacitor, AEC-Q200",
    },
  },
  {
    // The part the official Python client's tests look up.
    id: "TRRQ3ESYFO28",
    draft: {
      mpn: "IRFH5006TRPBF",
      mfr: "Infineon",
      classification: "mosfets",
      description: "MOSFET N-CH 60V 100A 8-PowerTDFN (PQFN 5x6)",
      package: "PQFN 5x6",
      terminations: 8,
      termination_type: "SMT",
      specs: [
        spec("drainsourcevoltage", "Drain to source voltage (Vdss)", "60 V", {
          unit: "V",
          amount: 60,
        }),
        spec("continuousdraincurrent", "Continuous drain current (Id)", "100 A", {
          unit: "A",
          amount: 100,
        }),
        spec("rdson", "Rds on (max)", "4.1 mΩ", { unit: "Ω", amount: 0.0041 }),
        spec("width", "Width", "5 mm", { unit: "m", amount: 0.005 }),
        spec("length", "Length", "6 mm", { unit: "m", amount: 0.006 }),
        spec("packaging", "Packaging", "Tape & Reel"),
      ],
      basePrice: 1.85,
      datasheet: "https://www.infineon.com/dgdl/irfh5006pbf.pdf",
      msl: "1",
      reelSize: 4000,
    },
  },
];

/** Every manufacturer part of the Glasgow revC3 BOM (GlasgowEmbedded/glasgow, hardware/boards/glasgow/revC3/bom.csv). */
export function glasgowDrafts(): PartDraft[] {
  const ti = (name: string) => `https://www.ti.com/lit/ds/symlink/${name}.pdf`;
  return [
    {
      ...capacitorDraft(
        "LMK107BJ475KAHT",
        "Taiyo Yuden",
        { size: "0603", pf: 4_700_000, volts: 10, dielectric: "X5R" },
        "https://ds.yuden.co.jp/TYCOMPAS/ut/detail?pn=LMK107BJ475KAHT",
      ),
    },
    capacitorDraft(
      "TMK105BJ104KV-F",
      "Taiyo Yuden",
      { size: "0402", pf: 100_000, volts: 25, dielectric: "X5R" },
      "https://ds.yuden.co.jp/TYCOMPAS/ut/detail?pn=TMK105BJ104KV-F",
    ),
    capacitorDraft(
      "AC0402CRNPO9BN9R0",
      "Yageo",
      { size: "0402", pf: 9, volts: 50, dielectric: "C0G" },
      "https://www.yageo.com/upload/media/product/productsearch/datasheet/mlcc/UPY-AC_NP0X7R_16V-to-50V_10.pdf",
    ),
    capacitorDraft(
      "GCM1555C1H102JA16J",
      "Murata",
      { size: "0402", pf: 1000, volts: 50, dielectric: "C0G" },
      "https://search.murata.co.jp/Ceramy/image/img/A01X/G101/ENG/GCM1555C1H102JA16-01.pdf",
    ),
    {
      mpn: "A765EB157M1ALAE022",
      mfr: "KEMET",
      classification: "polymer capacitors",
      description:
        "150 µF 10V ±20% Aluminium Polymer Capacitor, Radial Can SMD 6.3x5.7mm, 22 mΩ ESR",
      package: "Radial Can - SMD",
      terminations: 2,
      termination_type: "SMT",
      specs: [
        spec("capacitance", "Capacitance", "150 µF", { unit: "F", amount: 0.00015 }),
        spec("voltagerating_dc_", "Voltage rating (DC)", "10 V", { unit: "V", amount: 10 }),
        spec("esr", "ESR", "22 mΩ", { unit: "Ω", amount: 0.022 }),
        spec("packaging", "Packaging", "Tape & Reel"),
      ],
      basePrice: 0.95,
      datasheet: "https://api.kemet.com/component-edge/download/datasheet/A765EB157M1ALAE022.pdf",
      msl: "3",
      reelSize: 1000,
    },
    yageoResistor("0402", "13", 2200),
    yageoResistor("0402", "13", 10000),
    yageoResistor("0402", "13", 100000),
    yageoResistor("0402", "07", 4.7),
    yageoResistor("0402", "13", 100),
    yageoResistor("0402", "13", 49900),
    yageoResistor("0402", "13", 59000),
    yageoResistor("0402", "13", 24300),
    yageoResistor("0402", "13", 47),
    yageoResistor("0402", "13", 20000),
    yageoResistor("0402", "07", 5100),
    yageoResistor("0402", "07", 470),
    ...(
      [
        ["KDV06FR150ET", 0.15],
        ["KDV06FR330ET", 0.33],
      ] as const
    ).map(([mpn, ohms]) => ({
      mpn,
      mfr: "Ohmite",
      classification: "current sense resistors",
      description: `0603 ${ohms} Ω ±1% 0.25W Thick Film Current Sense Resistor`,
      package: "0603",
      terminations: 2,
      termination_type: "SMT" as const,
      specs: [
        spec("resistance", "Resistance", `${ohms} Ω`, { unit: "Ω", amount: ohms }),
        spec("tolerance", "Tolerance", "±1%", { unit: "%", amount: 1 }),
        ...sizeSpecs("0603"),
      ],
      basePrice: 0.3,
      datasheet: "https://www.ohmite.com/assets/docs/res_kdv.pdf",
      msl: "1",
      reelSize: 5000,
    })),
    ...(
      [
        ["YC124-JR-0710KL", "10 kΩ", 10000],
        ["YC124-JR-1333RL", "33 Ω", 33],
      ] as const
    ).map(([mpn, text, ohms]) => ({
      mpn,
      mfr: "Yageo",
      classification: "resistor networks",
      description: `${text} ±5% 4-Resistor Isolated Array, 4x0402 Convex`,
      package: "0804",
      terminations: 8,
      termination_type: "SMT" as const,
      specs: [
        spec("resistance", "Resistance", text, { unit: "Ω", amount: ohms }),
        spec("numberofresistors", "Number of resistors", "4", { unit: null, amount: 4 }),
        spec("tolerance", "Tolerance", "±5%", { unit: "%", amount: 5 }),
      ],
      basePrice: 0.1,
      datasheet:
        "https://www.yageo.com/upload/media/product/products/datasheet/rchip/PYu-YC_TC_51_RoHS_L_11.pdf",
      msl: "1",
      reelSize: 10000,
    })),
    discreteDraft({
      mpn: "NCD0603G1",
      mfr: "Foshan NationStar Optoelectronics",
      classification: "leds",
      description: "Green LED 0603 SMD 570nm",
      pkg: "0603",
      price: 0.01,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2008201032_Foshan-NationStar-Optoelectronics-NCD0603G1_C84267.pdf",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "NCD0603W1",
      mfr: "Foshan NationStar Optoelectronics",
      classification: "leds",
      description: "White LED 0603 SMD",
      pkg: "0603",
      price: 0.01,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2008201032_Foshan-NationStar-Optoelectronics-NCD0603W1_C84265.pdf",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "NCD0603O1",
      mfr: "Foshan NationStar Optoelectronics",
      classification: "leds",
      description: "Orange LED 0603 SMD 605nm",
      pkg: "0603",
      price: 0.01,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2008201033_Foshan-NationStar-Optoelectronics-NCD0603O1_C84269.pdf",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "NCD0603R1",
      mfr: "Foshan NationStar Optoelectronics",
      classification: "leds",
      description: "Red LED 0603 SMD 625nm",
      pkg: "0603",
      price: 0.01,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2008201032_Foshan-NationStar-Optoelectronics-NCD0603R1_C84263.pdf",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "ORH-B36G",
      mfr: "Orient",
      classification: "leds",
      description: "Blue LED 0603 SMD 470nm",
      pkg: "0603",
      price: 0.02,
      datasheet: "https://datasheet.lcsc.com/szlcsc/1811100911_Orient-ORH-B36G_C193191.pdf",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "OSK40603C1E",
      mfr: "Optosupply",
      classification: "leds",
      description: "Pink LED 0603 SMD",
      pkg: "0603",
      price: 0.03,
      datasheet:
        "https://lcsc.com/product-detail/Light-Emitting-Diodes-LED_OptoSupply-OSK40603C1E_C268294.html",
      reel: 4000,
    }),
    discreteDraft({
      mpn: "ESD5Z5.0T1G",
      mfr: "onsemi",
      classification: "tvs diodes",
      description: "ESD Protection Diode 5V SOD-523",
      pkg: "SOD-523",
      price: 0.12,
      datasheet: "https://www.onsemi.com/pdf/datasheet/esd5z2.5t1-d.pdf",
    }),
    discreteDraft({
      mpn: "CDSOD323-T36S",
      mfr: "Bourns",
      classification: "tvs diodes",
      description: "TVS Diode 36V Bidirectional SOD-323",
      pkg: "SOD-323",
      price: 0.21,
      datasheet: "https://bourns.com/docs/product-datasheets/cdsod323-txxsc.pdf",
    }),
    discreteDraft({
      mpn: "BAT54CW-7-F",
      mfr: "Diodes Incorporated",
      classification: "diodes",
      description: "Dual Common-Cathode Schottky Diode 30V 200mA SOT-323",
      pkg: "SOT-323",
      price: 0.12,
      datasheet: "https://www.diodes.com/assets/Datasheets/ds30065.pdf",
    }),
    discreteDraft({
      mpn: "BAT54AW-7-F",
      mfr: "Diodes Incorporated",
      classification: "diodes",
      description: "Dual Common-Anode Schottky Diode 30V 200mA SOT-323",
      pkg: "SOT-323",
      price: 0.12,
      datasheet: "https://www.diodes.com/assets/Datasheets/ds30065.pdf",
    }),
    discreteDraft({
      mpn: "SP3012-06UTG",
      mfr: "Littelfuse",
      classification: "tvs diodes",
      description: "6-Channel Low-Capacitance TVS Diode Array µDFN-14",
      pkg: "UDFN-14",
      price: 0.75,
      datasheet: "https://www.littelfuse.com/assetdocs/tvs-diode-array-sp3012-datasheet",
      pins: 14,
    }),
    discreteDraft({
      mpn: "BLM15PX601SZ1D",
      mfr: "Murata",
      classification: "ferrite beads",
      description: "Ferrite Bead 600 Ω @ 100 MHz 0.5A 0402",
      pkg: "0402",
      price: 0.1,
      datasheet: "https://search.murata.co.jp/Ceramy/image/img/P02/BLM15PX601SZ1D.pdf",
      reel: 10000,
    }),
    discreteDraft({
      mpn: "JF4024M00009T8188070",
      mfr: "JWT",
      classification: "crystals",
      description: "24 MHz ±10ppm Crystal 9pF 3.2x2.5mm SMD",
      pkg: "3225-4",
      price: 0.12,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2008211535_JWT-JF4024M00009T8188070_C709181.pdf",
      pins: 4,
      reel: 3000,
    }),
    discreteDraft({
      mpn: "TC-1109DE-B-F",
      mfr: "XKB",
      classification: "tactile switches",
      description: "Tactile Switch SPST-NO Side Actuated 50mA 12V SMD",
      pkg: "SMD",
      price: 0.06,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/2006061832_XKB-Connectivity-TC-1109DE-C-G_C400325.pdf",
      pins: 4,
      reel: 2000,
    }),
    discreteDraft({
      mpn: "TYPE-C-31-M-12",
      mfr: "Korean Hroparts Elec",
      classification: "usb connectors",
      description: "USB Type-C 2.0 Receptacle 16-Pin SMD",
      pkg: "SMD",
      price: 0.22,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/1811131825_Korean-Hroparts-Elec-TYPE-C-31-M-12_C165948.pdf",
      pins: 16,
      reel: 1000,
    }),
    discreteDraft({
      mpn: "87834-2019",
      mfr: "Molex",
      classification: "board to board connectors",
      description: "Milli-Grid Header 2x10 2.00mm Vertical Shrouded Through Hole",
      pkg: "THT",
      price: 1.35,
      datasheet: "https://www.molex.com/pdm_docs/sd/878342019_sd.pdf",
      termination: "THT",
      pins: 20,
      reel: 50,
    }),
    icDraft({
      mpn: "TPD3S014DBVR",
      mfr: "Texas Instruments",
      classification: "power switches",
      description: "USB 2.0 Current-Limit Switch with Data-Line ESD Protection",
      pkg: "SOT-23-6",
      price: 0.55,
      datasheet: ti("tpd3s014"),
    }),
    icDraft({
      mpn: "PCA6408APW",
      mfr: "NXP Semiconductors",
      classification: "i/o expanders",
      description: "Low-Voltage 8-Bit I2C-Bus and SMBus I/O Port with Interrupt and Reset",
      pkg: "TSSOP-16",
      price: 0.85,
      datasheet: "https://www.nxp.com/docs/en/data-sheet/PCA6408A.pdf",
    }),
    icDraft({
      mpn: "CAT24M01YI-GT3",
      mfr: "onsemi",
      classification: "eeproms",
      description: "1Mbit I2C Serial CMOS EEPROM",
      pkg: "TSSOP-8",
      price: 1.6,
      datasheet: "https://www.onsemi.com/pdf/datasheet/cat24m01-d.pdf",
    }),
    icDraft({
      mpn: "DAC081C081CIMK/NOPB",
      mfr: "Texas Instruments",
      classification: "dacs",
      description: "8-Bit Micro-Power DAC with I2C Interface",
      pkg: "SOT-23-6",
      price: 1.2,
      datasheet: ti("dac081c081"),
    }),
    icDraft({
      mpn: "INA233AIDGSR",
      mfr: "Texas Instruments",
      classification: "current sense amplifiers",
      description: "36V 16-Bit Current/Voltage/Power/Energy Monitor with PMBus",
      pkg: "VSSOP-10",
      price: 2.45,
      datasheet: ti("ina233"),
    }),
    icDraft({
      mpn: "BL24C256A-SFRC",
      mfr: "Shanghai Belling",
      classification: "eeproms",
      description: "256Kbit I2C Serial EEPROM",
      pkg: "TSSOP-8",
      price: 0.12,
      datasheet:
        "https://datasheet.lcsc.com/szlcsc/1811151428_BL-Shanghai-Belling-BL24C256A-SFRC_C110276.pdf",
    }),
    icDraft({
      mpn: "ICE40HX8K-BG121",
      mfr: "Lattice",
      classification: "fpgas",
      description: "iCE40 HX FPGA, 7680 LUTs, 95 I/O",
      pkg: "BGA-121",
      price: 9.9,
      datasheet: "https://www.latticesemi.com/view_document?document_id=49312",
    }),
    icDraft({
      mpn: "TPS73101DBVR",
      mfr: "Texas Instruments",
      classification: "linear regulators",
      description: "150mA Low-Dropout Regulator, Adjustable, Reverse Current Protection",
      pkg: "SOT-23-5",
      price: 0.95,
      datasheet: ti("tps731"),
    }),
    icDraft({
      mpn: "SN74LVC1T45DCKR",
      mfr: "Texas Instruments",
      classification: "level translators",
      description: "Single-Bit Dual-Supply Bus Transceiver, Configurable Level Shifting",
      pkg: "SC-70-6",
      price: 0.3,
      datasheet: ti("sn74lvc1t45"),
    }),
    icDraft({
      mpn: "TLV73312PQDRVRQ1",
      mfr: "Texas Instruments",
      classification: "linear regulators",
      description: "Automotive 300mA Low-Dropout Regulator, 1.2V Output",
      pkg: "WSON-6",
      price: 0.5,
      datasheet: ti("tlv733p-q1"),
    }),
    icDraft({
      mpn: "APX811-40UG-7",
      mfr: "Diodes Incorporated",
      classification: "supervisors",
      description: "Active-Low Voltage Supervisor with Manual Reset, 4.0V Threshold",
      pkg: "SOT-143",
      price: 0.35,
      datasheet: "https://www.diodes.com/assets/Datasheets/APX811_812.pdf",
    }),
    icDraft({
      mpn: "TLV75533PDRVR",
      mfr: "Texas Instruments",
      classification: "linear regulators",
      description: "500mA Low-IQ Small-Size Low-Dropout Regulator, 3.3V Output",
      pkg: "WSON-6",
      price: 0.28,
      datasheet: ti("tlv755p"),
    }),
    icDraft({
      mpn: "CY7C68013A-56LTXC",
      mfr: "Infineon",
      classification: "usb controllers",
      description: "EZ-USB FX2LP USB 2.0 Microcontroller, 16KB RAM",
      pkg: "QFN-56",
      price: 11.8,
      datasheet:
        "https://www.infineon.com/dgdl/Infineon-CY7C68013A_CY7C68014A_CY7C68015A_CY7C68016A_EZ-USB_FX2LP_USB_Microcontroller_High-Speed_USB_Peripheral_Controller-DataSheet-v31_00-EN.pdf",
    }),
  ];
}

/** The same MPN made by two manufacturers: the manufacturer is what tells them apart. */
export function sharedMpnDrafts(): PartDraft[] {
  const pair = (
    base: Omit<PartDraft, "mfr" | "datasheet">,
    makers: [string, string][],
  ): PartDraft[] => makers.map(([mfr, datasheet]) => ({ ...base, mfr, datasheet }));
  const through = { terminations: 2, termination_type: "THT" as const, msl: null, reelSize: 1000 };
  return [
    ...pair(
      {
        mpn: "1N4148",
        classification: "diodes",
        description: "Small Signal Switching Diode 100V 200mA DO-35",
        package: "DO-35",
        specs: [spec("case_package", "Case/Package", "DO-35")],
        basePrice: 0.05,
        ...through,
      },
      [
        ["onsemi", "https://www.onsemi.com/pdf/datasheet/1n914-d.pdf"],
        ["Diotec Semiconductor", "https://diotec.com/request/datasheet/1n4148.pdf"],
      ],
    ),
    ...pair(
      {
        mpn: "BC547B",
        classification: "bipolar transistors",
        description: "BJT NPN 45V 100mA TO-92",
        package: "TO-92",
        specs: [spec("case_package", "Case/Package", "TO-92")],
        basePrice: 0.07,
        ...through,
        terminations: 3,
      },
      [
        ["onsemi", "https://www.onsemi.com/pdf/datasheet/bc546-d.pdf"],
        ["Diotec Semiconductor", "https://diotec.com/request/datasheet/bc546.pdf"],
      ],
    ),
    ...pair(
      {
        mpn: "2N7002",
        classification: "mosfets",
        description: "MOSFET N-CH 60V 115mA SOT-23",
        package: "SOT-23",
        specs: [spec("case_package", "Case/Package", "SOT-23")],
        basePrice: 0.12,
        terminations: 3,
        termination_type: "SMT",
        msl: "1",
        reelSize: 3000,
      },
      [
        ["onsemi", "https://www.onsemi.com/pdf/datasheet/2n7002-d.pdf"],
        ["Vishay", "https://www.vishay.com/docs/71333/2n7002k.pdf"],
      ],
    ),
    ...pair(
      {
        mpn: "LM317T",
        classification: "linear regulators",
        description: "1.5A Adjustable Positive Voltage Regulator TO-220",
        package: "TO-220",
        specs: [spec("case_package", "Case/Package", "TO-220")],
        basePrice: 0.55,
        ...through,
        terminations: 3,
        reelSize: 50,
      },
      [
        ["STMicroelectronics", "https://www.st.com/resource/en/datasheet/lm317.pdf"],
        ["Texas Instruments", "https://www.ti.com/lit/ds/symlink/lm317.pdf"],
      ],
    ),
  ];
}

/** Parts at the end of their life: one obsolete part with no offers at all, one EOL part. */
export function lifecycleDrafts(): PartDraft[] {
  return [
    {
      mpn: "FT232BM",
      mfr: "FTDI",
      classification: "interface ics",
      description: "USB to Serial UART Interface IC, LQFP-32 (discontinued; use FT232RL)",
      package: "LQFP-32",
      terminations: 32,
      termination_type: "SMT",
      specs: [spec("case_package", "Case/Package", "LQFP-32")],
      basePrice: 4.5,
      datasheet: "https://ftdichip.com/wp-content/uploads/2020/08/DS_FT232BM.pdf",
      msl: "3",
      lifecycle_status: "Obsolete",
      noOffers: true,
    },
    {
      mpn: "FT232RL-REEL",
      mfr: "FTDI",
      classification: "interface ics",
      description: "USB to Basic UART IC, SSOP-28",
      package: "SSOP-28",
      terminations: 28,
      termination_type: "SMT",
      specs: [spec("case_package", "Case/Package", "SSOP-28")],
      basePrice: 4.2,
      datasheet: "https://ftdichip.com/wp-content/uploads/2020/08/DS_FT232R.pdf",
      msl: "3",
      lifecycle_status: "Production",
      reelSize: 2000,
    },
  ];
}

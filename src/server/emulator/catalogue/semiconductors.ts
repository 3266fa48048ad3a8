/** Integrated circuits from TI, ADI, ST, Microchip, NXP and others, in their real MPN formats. */
import { spec } from "./specs";
import type { PartDraft, TerminationType } from "./types";

/** Package name → pin count and mounting, for the packages used below. */
const PACKAGES: Record<string, { pins: number; termination: TerminationType; reel: number }> = {
  "SOT-23": { pins: 3, termination: "SMT", reel: 3000 },
  "SOT-23-5": { pins: 5, termination: "SMT", reel: 3000 },
  "SOT-23-6": { pins: 6, termination: "SMT", reel: 3000 },
  "SC-70-5": { pins: 5, termination: "SMT", reel: 3000 },
  "SC-70-6": { pins: 6, termination: "SMT", reel: 3000 },
  "SOT-223": { pins: 4, termination: "SMT", reel: 2500 },
  "SOT-89": { pins: 3, termination: "SMT", reel: 1000 },
  "TO-252": { pins: 3, termination: "SMT", reel: 2500 },
  "TO-263": { pins: 3, termination: "SMT", reel: 800 },
  "TO-220": { pins: 3, termination: "THT", reel: 50 },
  "TO-92": { pins: 3, termination: "THT", reel: 2000 },
  "SOIC-8": { pins: 8, termination: "SMT", reel: 2500 },
  "SOIC-14": { pins: 14, termination: "SMT", reel: 2500 },
  "SOIC-16": { pins: 16, termination: "SMT", reel: 2500 },
  "SOIC-16W": { pins: 16, termination: "SMT", reel: 1000 },
  "SOIC-20W": { pins: 20, termination: "SMT", reel: 1000 },
  "SOIC-28W": { pins: 28, termination: "SMT", reel: 1000 },
  "TSSOP-8": { pins: 8, termination: "SMT", reel: 2500 },
  "TSSOP-14": { pins: 14, termination: "SMT", reel: 2000 },
  "TSSOP-16": { pins: 16, termination: "SMT", reel: 2000 },
  "TSSOP-20": { pins: 20, termination: "SMT", reel: 2000 },
  "HTSSOP-16": { pins: 16, termination: "SMT", reel: 2000 },
  "VSSOP-8": { pins: 8, termination: "SMT", reel: 2500 },
  "VSSOP-10": { pins: 10, termination: "SMT", reel: 2500 },
  "MSOP-8": { pins: 8, termination: "SMT", reel: 2500 },
  "SSOP-20": { pins: 20, termination: "SMT", reel: 2000 },
  "WSON-6": { pins: 6, termination: "SMT", reel: 3000 },
  "DFN-6": { pins: 6, termination: "SMT", reel: 3000 },
  "DFN-8": { pins: 8, termination: "SMT", reel: 3000 },
  "VQFN-16": { pins: 16, termination: "SMT", reel: 3000 },
  "VQFN-20": { pins: 20, termination: "SMT", reel: 3000 },
  "QFN-24": { pins: 24, termination: "SMT", reel: 3000 },
  "QFN-32": { pins: 32, termination: "SMT", reel: 2500 },
  "QFN-48": { pins: 48, termination: "SMT", reel: 2500 },
  "QFN-56": { pins: 56, termination: "SMT", reel: 2500 },
  "UFQFPN-20": { pins: 20, termination: "SMT", reel: 3000 },
  "UFQFPN-28": { pins: 28, termination: "SMT", reel: 3000 },
  "UFQFPN-32": { pins: 32, termination: "SMT", reel: 3000 },
  "UFQFPN-48": { pins: 48, termination: "SMT", reel: 2500 },
  "LQFP-32": { pins: 32, termination: "SMT", reel: 250 },
  "LQFP-48": { pins: 48, termination: "SMT", reel: 250 },
  "LQFP-64": { pins: 64, termination: "SMT", reel: 160 },
  "LQFP-100": { pins: 100, termination: "SMT", reel: 90 },
  "LQFP-144": { pins: 144, termination: "SMT", reel: 60 },
  "LQFP-176": { pins: 176, termination: "SMT", reel: 40 },
  "TQFP-32": { pins: 32, termination: "SMT", reel: 250 },
  "TQFP-44": { pins: 44, termination: "SMT", reel: 160 },
  "TQFP-64": { pins: 64, termination: "SMT", reel: 160 },
  "TSSOP-20P": { pins: 20, termination: "SMT", reel: 2500 },
  "PDIP-8": { pins: 8, termination: "THT", reel: 50 },
  "PDIP-28": { pins: 28, termination: "THT", reel: 15 },
  "BGA-121": { pins: 121, termination: "SMT", reel: 168 },
  "QFN-48 7x7": { pins: 48, termination: "SMT", reel: 2500 },
  "SOT-563": { pins: 6, termination: "SMT", reel: 4000 },
  "SOT-143": { pins: 4, termination: "SMT", reel: 3000 },
};

export interface IcRow {
  mpn: string;
  mfr: string;
  classification: string;
  description: string;
  pkg: string;
  price: number;
  datasheet: string;
}

export function icDraft(row: IcRow): PartDraft {
  const pkg = PACKAGES[row.pkg] ?? { pins: 8, termination: "SMT" as TerminationType, reel: 2500 };
  return {
    mpn: row.mpn,
    mfr: row.mfr,
    classification: row.classification,
    description: row.description,
    package: row.pkg,
    terminations: pkg.pins,
    termination_type: pkg.termination,
    specs: [
      spec("case_package", "Case/Package", row.pkg),
      spec("numberofpins", "Number of pins", String(pkg.pins), { unit: null, amount: pkg.pins }),
      spec("mount", "Mount", pkg.termination === "THT" ? "Through Hole" : "Surface Mount"),
      spec("packaging", "Packaging", pkg.reel > 100 ? "Tape & Reel" : "Tube"),
    ],
    basePrice: row.price,
    datasheet: row.datasheet,
    msl: pkg.termination === "THT" ? null : "3",
    reelSize: pkg.reel,
  };
}

const ti = (base: string) => `https://www.ti.com/lit/ds/symlink/${base.toLowerCase()}.pdf`;

type Row = [mpn: string, classification: string, description: string, pkg: string, price: number];

function rows(mfr: string, sheet: (mpn: string) => string, list: Row[]): IcRow[] {
  return list.map(([mpn, classification, description, pkg, price]) => ({
    mpn,
    mfr,
    classification,
    description,
    pkg,
    price,
    datasheet: sheet(mpn),
  }));
}

const TI_BASE = (mpn: string) => ti(mpn.replace(/(?:I?D[A-Z]{0,3}R?|P[WH]?R?|\/NOPB)$/g, ""));

const TEXAS: Row[] = [
  ["LM358DR", "op amps", "Dual General Purpose Operational Amplifier", "SOIC-8", 0.32],
  ["LM358PWR", "op amps", "Dual General Purpose Operational Amplifier", "TSSOP-8", 0.35],
  ["LM358DGKR", "op amps", "Dual General Purpose Operational Amplifier", "VSSOP-8", 0.38],
  ["LM324DR", "op amps", "Quad General Purpose Operational Amplifier", "SOIC-14", 0.4],
  [
    "TLV9062IDR",
    "op amps",
    "Dual 10MHz Rail-to-Rail Low-Voltage Operational Amplifier",
    "SOIC-8",
    0.62,
  ],
  [
    "TLV9062IDGKR",
    "op amps",
    "Dual 10MHz Rail-to-Rail Low-Voltage Operational Amplifier",
    "VSSOP-8",
    0.62,
  ],
  [
    "OPA2333AIDR",
    "op amps",
    "Dual 1.8V microPower CMOS Zero-Drift Operational Amplifier",
    "SOIC-8",
    3.12,
  ],
  [
    "OPA333AIDBVR",
    "op amps",
    "1.8V microPower CMOS Zero-Drift Operational Amplifier",
    "SOT-23-5",
    1.98,
  ],
  [
    "INA219AIDR",
    "current sense amplifiers",
    "Zero-Drift Bidirectional Current/Power Monitor with I2C",
    "SOIC-8",
    2.41,
  ],
  [
    "INA226AIDGSR",
    "current sense amplifiers",
    "36V 16-bit I2C Current/Voltage/Power Monitor",
    "VSSOP-10",
    2.95,
  ],
  [
    "TPS62130RGTR",
    "switching regulators",
    "3-17V 3A Step-Down Converter in 3x3 QFN",
    "QFN-24",
    2.2,
  ],
  [
    "TPS54331DR",
    "switching regulators",
    "3.5V-28V Input 3A Step-Down SWIFT Converter",
    "SOIC-8",
    1.45,
  ],
  ["TPS5430DDAR", "switching regulators", "5.5V-36V Input 3A Step-Down Converter", "SOIC-8", 2.9],
  ["SN65HVD230DR", "interface ics", "3.3V CAN Transceiver", "SOIC-8", 1.66],
  [
    "TCAN1042HGVDRQ1",
    "interface ics",
    "Automotive Fault-Protected CAN FD Transceiver",
    "SOIC-8",
    1.24,
  ],
  [
    "ISO7741DWR",
    "digital isolators",
    "Quad-Channel 3/1 Reinforced Digital Isolator",
    "SOIC-16W",
    3.45,
  ],
  [
    "TXS0108EPWR",
    "level translators",
    "8-Bit Bidirectional Voltage-Level Translator",
    "TSSOP-20",
    1.3,
  ],
  [
    "TXB0104PWR",
    "level translators",
    "4-Bit Bidirectional Voltage-Level Translator",
    "TSSOP-14",
    1.05,
  ],
  ["DRV8833PWPR", "motor drivers", "Dual H-Bridge Motor Driver", "HTSSOP-16", 2.33],
  [
    "BQ24075RGTR",
    "battery chargers",
    "1.5A Single-Input Li-Ion Charger with Power Path",
    "QFN-24",
    2.6,
  ],
  ["TMP117AIDRVR", "temperature sensors", "±0.1°C Digital Temperature Sensor, I2C", "WSON-6", 3.3],
  ["ADS1115IDGSR", "adcs", "16-Bit 860SPS 4-Channel Delta-Sigma ADC with PGA", "VSSOP-10", 4.7],
  ["DAC8552IDGKR", "dacs", "16-Bit Dual Channel Low-Power DAC", "VSSOP-8", 7.9],
  [
    "TPD4E05U06DQAR",
    "tvs diodes",
    "4-Channel Ultra-Low-Capacitance ESD Protection",
    "WSON-6",
    0.38,
  ],
  [
    "MSP430G2553IPW20R",
    "microcontrollers",
    "MSP430 16MHz MCU, 16KB Flash, 512B SRAM",
    "TSSOP-20",
    2.25,
  ],
  ["MSP430FR2355TPT", "microcontrollers", "MSP430 24MHz MCU, 32KB FRAM, 4KB SRAM", "LQFP-48", 2.9],
  ["NE555DR", "timers", "Single Precision Timer", "SOIC-8", 0.28],
  ["NE555P", "timers", "Single Precision Timer", "PDIP-8", 0.45],
  ["TL431AIDBZR", "voltage references", "Adjustable Precision Shunt Regulator", "SOT-23", 0.12],
  [
    "TLV431BIDBZR",
    "voltage references",
    "Low-Voltage Adjustable Precision Shunt Regulator",
    "SOT-23",
    0.16,
  ],
  ["LM317DCYR", "linear regulators", "1.5A Adjustable Positive Voltage Regulator", "SOT-223", 0.45],
  ["UA78M05CDCYR", "linear regulators", "500mA 5V Positive Voltage Regulator", "SOT-223", 0.38],
  ["SN65HVD75DR", "interface ics", "3.3V RS-485 Transceiver", "SOIC-8", 1.5],
  [
    "TPS2051BDBVR",
    "power switches",
    "0.5A Current-Limited Power Distribution Switch",
    "SOT-23-5",
    0.62,
  ],
  [
    "LMR33630ADDAR",
    "switching regulators",
    "3.8V-36V 3A Synchronous Buck Converter",
    "SOIC-8",
    2.1,
  ],
];

const ANALOG: Row[] = [
  [
    "AD8605ARTZ-REEL7",
    "op amps",
    "Precision Low-Noise CMOS Rail-to-Rail Operational Amplifier",
    "SOT-23-5",
    2.05,
  ],
  ["AD8606ARZ", "op amps", "Dual Precision CMOS Rail-to-Rail Operational Amplifier", "SOIC-8", 3.4],
  [
    "AD8628ARTZ-REEL7",
    "op amps",
    "Zero-Drift Single-Supply Rail-to-Rail Operational Amplifier",
    "SOT-23-5",
    2.6,
  ],
  ["ADA4891-2ARZ", "op amps", "Dual Low-Cost CMOS High-Speed Amplifier", "SOIC-8", 2.2],
  ["AD7124-4BRUZ", "adcs", "4-Channel Low-Noise 24-Bit Sigma-Delta ADC", "TSSOP-20", 9.1],
  ["AD5541AJRMZ", "dacs", "16-Bit Serial-Input Voltage-Output DAC", "MSOP-8", 11.4],
  ["ADM3077EARZ-REEL7", "interface ics", "3.3V RS-485/RS-422 Transceiver", "SOIC-8", 2.7],
  ["ADUM1201ARZ", "digital isolators", "Dual-Channel Digital Isolator", "SOIC-8", 2.95],
  [
    "ADP2108AUJZ-3.3-R7",
    "switching regulators",
    "600mA 3MHz Step-Down Regulator, 3.3V",
    "SOT-23-5",
    1.1,
  ],
  [
    "LTC6655BHMS8-2.5#PBF",
    "voltage references",
    "0.25ppm Noise Low-Drift 2.5V Reference",
    "MSOP-8",
    9.6,
  ],
  ["LT3045EDD#PBF", "linear regulators", "20V 500mA Ultralow-Noise Linear Regulator", "DFN-8", 5.8],
  [
    "LTC2057HMS8#PBF",
    "op amps",
    "High-Voltage Low-Noise Zero-Drift Operational Amplifier",
    "MSOP-8",
    4.4,
  ],
  ["MAX3232ECUE+T", "interface ics", "3.0V to 5.5V RS-232 Transceiver", "TSSOP-16", 2.35],
  [
    "MAX31855KASA+T",
    "temperature sensors",
    "Cold-Junction Compensated Thermocouple-to-Digital Converter",
    "SOIC-8",
    5.2,
  ],
  ["ADXL345BCCZ-RL7", "accelerometers", "3-Axis ±2/4/8/16g Digital Accelerometer", "QFN-24", 4.9],
  [
    "AD9833BRMZ-REEL",
    "signal generators",
    "Low Power Programmable Waveform Generator",
    "MSOP-8",
    7.3,
  ],
];

const ST_ROWS: Row[] = [
  [
    "LIS3DHTR",
    "accelerometers",
    "MEMS Digital Output Motion Sensor, 3-Axis Accelerometer",
    "QFN-24",
    1.2,
  ],
  ["LSM6DSOXTR", "accelerometers", "iNEMO 6DoF IMU with Machine Learning Core", "QFN-24", 3.1],
  ["LPS22HBTR", "pressure sensors", "MEMS Nano Pressure Sensor 260-1260 hPa", "QFN-24", 2.6],
  ["ST3232EBDR", "interface ics", "3 to 5.5V RS-232 Driver/Receiver", "SOIC-16", 0.9],
  ["USBLC6-2SC6", "tvs diodes", "Very Low Capacitance ESD Protection for USB", "SOT-23-6", 0.36],
  ["TSV912IST", "op amps", "Dual Rail-to-Rail 8MHz Operational Amplifier", "MSOP-8", 0.9],
  ["LM2903DT", "comparators", "Low-Power Dual Voltage Comparator", "SOIC-8", 0.25],
  ["L6234PD", "motor drivers", "Three-Phase Motor Driver", "SOIC-20W", 4.9],
  ["STP16CP05MTR", "led drivers", "16-Bit Constant Current LED Sink Driver", "TSSOP-20", 1.3],
];

const MICROCHIP: Row[] = [
  ["ATMEGA328P-AU", "microcontrollers", "AVR 20MHz MCU, 32KB Flash, 2KB SRAM", "TQFP-32", 2.6],
  ["ATMEGA328P-PU", "microcontrollers", "AVR 20MHz MCU, 32KB Flash, 2KB SRAM", "PDIP-28", 2.9],
  ["ATMEGA32U4-AU", "microcontrollers", "AVR USB MCU, 32KB Flash, 2.5KB SRAM", "TQFP-44", 4.4],
  ["ATTINY85-20SU", "microcontrollers", "AVR 20MHz MCU, 8KB Flash", "SOIC-8", 1.35],
  ["ATTINY85-20PU", "microcontrollers", "AVR 20MHz MCU, 8KB Flash", "PDIP-8", 1.6],
  ["ATTINY1616-MNR", "microcontrollers", "tinyAVR 1-series MCU, 16KB Flash", "VQFN-20", 0.95],
  [
    "ATSAMD21G18A-AU",
    "microcontrollers",
    "SAM D21 Arm Cortex-M0+ MCU, 256KB Flash",
    "TQFP-64",
    3.9,
  ],
  ["ATSAMD21E18A-MU", "microcontrollers", "SAM D21 Arm Cortex-M0+ MCU, 256KB Flash", "QFN-32", 3.5],
  ["PIC16F1455-I/SL", "microcontrollers", "PIC16 USB MCU, 14KB Flash", "SOIC-14", 1.6],
  ["PIC16F18446-I/SS", "microcontrollers", "PIC16 32MHz MCU, 28KB Flash", "SSOP-20", 1.2],
  ["PIC18F25K22-I/SO", "microcontrollers", "PIC18 64MHz MCU, 32KB Flash", "SOIC-28W", 2.7],
  ["PIC32MX250F128B-I/SO", "microcontrollers", "PIC32 50MHz USB MCU, 128KB Flash", "SOIC-28W", 3.9],
  ["MCP2551-I/SN", "interface ics", "High-Speed CAN Transceiver", "SOIC-8", 1.04],
  ["MCP2515-I/SO", "interface ics", "Stand-Alone CAN Controller with SPI", "SOIC-16W", 1.9],
  ["MCP2200-I/SO", "interface ics", "USB 2.0 to UART Protocol Converter", "SOIC-20W", 2.3],
  ["MCP3008-I/SL", "adcs", "8-Channel 10-Bit SPI ADC", "SOIC-16", 2.4],
  ["MCP4725A0T-E/CH", "dacs", "12-Bit DAC with EEPROM, I2C", "SOT-23-6", 1.2],
  [
    "MCP9700AT-E/TT",
    "temperature sensors",
    "Low-Power Linear Active Thermistor IC",
    "SOT-23",
    0.25,
  ],
  [
    "MCP73831T-2ACI/OT",
    "battery chargers",
    "Single-Cell Li-Ion/Li-Po Charge Controller",
    "SOT-23-5",
    0.6,
  ],
  ["24LC256-I/SN", "eeproms", "256Kbit I2C Serial EEPROM", "SOIC-8", 0.55],
  ["24AA02E48T-I/OT", "eeproms", "2Kbit I2C EEPROM with EUI-48 Node Identity", "SOT-23-5", 0.3],
  ["25LC1024-I/SM", "eeproms", "1Mbit SPI Serial EEPROM", "SOIC-8", 2.6],
  [
    "LAN8720A-CP-TR",
    "ethernet phys",
    "Small Footprint RMII 10/100 Ethernet Transceiver",
    "QFN-24",
    1.35,
  ],
  ["KSZ8081RNAIA-TR", "ethernet phys", "10BASE-T/100BASE-TX PHY with RMII", "QFN-24", 1.1],
  ["USB2514B-I/M2", "usb hubs", "USB 2.0 Hi-Speed 4-Port Hub Controller", "QFN-56", 2.2],
  ["MCP6002T-I/SN", "op amps", "Dual 1MHz Low-Power Operational Amplifier", "SOIC-8", 0.3],
  ["MCP6001T-I/OT", "op amps", "1MHz Low-Power Operational Amplifier", "SOT-23-5", 0.23],
];

const NXP: Row[] = [
  [
    "LPC1768FBD100K",
    "microcontrollers",
    "Arm Cortex-M3 100MHz MCU, 512KB Flash, Ethernet, USB",
    "LQFP-100",
    9.9,
  ],
  ["LPC824M201JDH20J", "microcontrollers", "Arm Cortex-M0+ 30MHz MCU, 32KB Flash", "TSSOP-20", 1.4],
  [
    "MKL25Z128VLK4",
    "microcontrollers",
    "Kinetis L Arm Cortex-M0+ 48MHz MCU, 128KB Flash",
    "LQFP-64",
    3.6,
  ],
  [
    "MK20DX256VLH7",
    "microcontrollers",
    "Kinetis K20 Arm Cortex-M4 72MHz MCU, 256KB Flash",
    "LQFP-64",
    8.4,
  ],
  [
    "PCA9685PW,118",
    "led drivers",
    "16-Channel 12-Bit PWM Fm+ I2C-Bus LED Controller",
    "TSSOP-20",
    1.9,
  ],
  ["PCF8563T/5,518", "real time clocks", "Real-Time Clock/Calendar, I2C", "SOIC-8", 0.65],
  ["TJA1050T/CM,118", "interface ics", "High-Speed CAN Transceiver", "SOIC-8", 0.75],
  [
    "SE050C2HQ1/Z01SDZ",
    "secure elements",
    "EdgeLock SE050 Plug & Trust Secure Element",
    "QFN-20",
    2.8,
  ],
  ["PCA9546APW,118", "i2c multiplexers", "4-Channel I2C-Bus Switch with Reset", "TSSOP-16", 1.1],
];

/** STM32 part numbers: family + pin-count letter + flash letter + package + temperature range. */
const STM32_FAMILIES: {
  family: string;
  pins: string[];
  flash: string[];
  price: number;
  core: string;
}[] = [
  {
    family: "F030",
    pins: ["F", "K", "C", "R"],
    flash: ["4", "6", "8", "C"],
    price: 0.9,
    core: "Arm Cortex-M0 48MHz",
  },
  {
    family: "F103",
    pins: ["C", "R", "V", "Z"],
    flash: ["8", "B", "C", "E"],
    price: 3.1,
    core: "Arm Cortex-M3 72MHz",
  },
  {
    family: "F401",
    pins: ["C", "R", "V"],
    flash: ["B", "C", "D", "E"],
    price: 3.6,
    core: "Arm Cortex-M4 84MHz",
  },
  {
    family: "F411",
    pins: ["C", "R", "V"],
    flash: ["C", "E"],
    price: 4.2,
    core: "Arm Cortex-M4 100MHz",
  },
  { family: "F405", pins: ["R", "V", "Z"], flash: ["G"], price: 8.9, core: "Arm Cortex-M4 168MHz" },
  {
    family: "F407",
    pins: ["V", "Z", "I"],
    flash: ["E", "G"],
    price: 9.8,
    core: "Arm Cortex-M4 168MHz",
  },
  {
    family: "G031",
    pins: ["F", "G", "K", "C"],
    flash: ["4", "6", "8"],
    price: 0.8,
    core: "Arm Cortex-M0+ 64MHz",
  },
  {
    family: "G071",
    pins: ["G", "K", "C", "R"],
    flash: ["8", "B"],
    price: 1.6,
    core: "Arm Cortex-M0+ 64MHz",
  },
  {
    family: "G474",
    pins: ["C", "R", "V"],
    flash: ["B", "C", "E"],
    price: 5.4,
    core: "Arm Cortex-M4 170MHz",
  },
  {
    family: "L432",
    pins: ["K"],
    flash: ["B", "C"],
    price: 3.5,
    core: "Arm Cortex-M4 80MHz ultra-low-power",
  },
  {
    family: "L476",
    pins: ["R", "V"],
    flash: ["C", "E", "G"],
    price: 6.2,
    core: "Arm Cortex-M4 80MHz ultra-low-power",
  },
  {
    family: "H743",
    pins: ["V", "Z", "I"],
    flash: ["G", "I"],
    price: 12.5,
    core: "Arm Cortex-M7 480MHz",
  },
];

const STM32_PINS: Record<string, { count: number; pkgLetter: string; pkg: string }> = {
  F: { count: 20, pkgLetter: "P", pkg: "TSSOP-20" },
  G: { count: 28, pkgLetter: "U", pkg: "UFQFPN-28" },
  K: { count: 32, pkgLetter: "U", pkg: "UFQFPN-32" },
  C: { count: 48, pkgLetter: "T", pkg: "LQFP-48" },
  R: { count: 64, pkgLetter: "T", pkg: "LQFP-64" },
  V: { count: 100, pkgLetter: "T", pkg: "LQFP-100" },
  Z: { count: 144, pkgLetter: "T", pkg: "LQFP-144" },
  I: { count: 176, pkgLetter: "T", pkg: "LQFP-176" },
};

const STM32_FLASH: Record<string, string> = {
  "4": "16KB",
  "6": "32KB",
  "8": "64KB",
  B: "128KB",
  C: "256KB",
  D: "384KB",
  E: "512KB",
  G: "1MB",
  I: "2MB",
};

function* stm32Rows(): Generator<IcRow> {
  for (const family of STM32_FAMILIES) {
    for (const pin of family.pins) {
      for (const flash of family.flash) {
        const pins = STM32_PINS[pin];
        if (!pins) continue;
        for (const temperature of ["6", "7"]) {
          const mpn = `STM32${family.family}${pin}${flash}${pins.pkgLetter}${temperature}`;
          const range = temperature === "6" ? "-40 to 85°C" : "-40 to 105°C";
          yield {
            mpn,
            mfr: "STMicroelectronics",
            classification: "microcontrollers",
            description: `STM32${family.family} ${family.core} MCU, ${STM32_FLASH[flash]} Flash, ${pins.count} pins, ${range}`,
            pkg: pins.pkg,
            price: Math.round(family.price * (1 + "468BCDEGI".indexOf(flash) * 0.12) * 100) / 100,
            datasheet: `https://www.st.com/resource/en/datasheet/stm32${family.family.toLowerCase()}${pin.toLowerCase()}${flash.toLowerCase()}.pdf`,
          };
        }
      }
    }
  }
}

/** Fixed-output regulators come in one MPN per voltage. */
function* regulatorRows(): Generator<IcRow> {
  const families: {
    mfr: string;
    make: (v: string) => string;
    voltages: string[];
    pkg: string;
    text: string;
    price: number;
    sheet: string;
    /** Output voltage from the MPN's voltage code, when the code is not the voltage itself. */
    volt?: (code: string) => string;
  }[] = [
    {
      mfr: "Texas Instruments",
      make: (v) => `LP5907MFX-${v}/NOPB`,
      voltages: ["1.8", "2.5", "2.8", "3.0", "3.3"],
      pkg: "SOT-23-5",
      text: "250mA Ultra-Low-Noise LDO",
      price: 0.42,
      sheet: ti("lp5907"),
    },
    {
      mfr: "Texas Instruments",
      make: (v) => `LM1117IMP-${v}/NOPB`,
      voltages: ["1.8", "2.5", "3.3", "5.0", "ADJ"],
      pkg: "SOT-223",
      text: "800mA Low-Dropout Linear Regulator",
      price: 0.95,
      sheet: ti("lm1117"),
    },
    {
      mfr: "Texas Instruments",
      make: (v) => `TLV1117LV${v.replace(".", "")}DCYR`,
      voltages: ["1.2", "1.8", "2.5", "3.3"],
      pkg: "SOT-223",
      text: "1A Positive Low-Voltage LDO",
      price: 0.35,
      sheet: ti("tlv1117lv"),
    },
    {
      mfr: "Texas Instruments",
      make: (v) => `TPS7A20${v.replace(".", "")}PDBVR`,
      voltages: ["1.2", "1.8", "2.5", "2.8", "3.3"],
      pkg: "SOT-23-5",
      text: "300mA Ultra-Low-Noise Low-IQ LDO",
      price: 0.33,
      sheet: ti("tps7a20"),
    },
    {
      mfr: "Texas Instruments",
      make: (v) => `REF30${v}AIDBZR`,
      voltages: ["12", "20", "25", "30", "33", "40"],
      pkg: "SOT-23",
      text: "50ppm/°C Low-Power Series Voltage Reference",
      price: 1.05,
      sheet: ti("ref30"),
      volt: (c) =>
        ({ "12": "1.25", "20": "2.048", "25": "2.5", "30": "3.0", "33": "3.3", "40": "4.096" })[
          c
        ] ?? c,
    },
    {
      mfr: "Analog Devices",
      make: (v) => `ADP150AUJZ-${v}-R7`,
      voltages: ["1.8", "2.5", "2.8", "3.3"],
      pkg: "SOT-23-5",
      text: "150mA Ultralow Noise CMOS LDO",
      price: 0.78,
      sheet: "https://www.analog.com/media/en/technical-documentation/data-sheets/ADP150.pdf",
    },
    {
      mfr: "Analog Devices",
      make: (v) => `LT1763CS8-${v}#PBF`,
      voltages: ["1.8", "2.5", "3", "3.3", "5"],
      pkg: "SOIC-8",
      text: "500mA Low-Noise LDO Micropower Regulator",
      price: 4.9,
      sheet: "https://www.analog.com/media/en/technical-documentation/data-sheets/1763fg.pdf",
    },
    {
      mfr: "STMicroelectronics",
      make: (v) => `LD1117S${v}TR`,
      voltages: ["12", "18", "25", "33", "50"],
      pkg: "SOT-223",
      text: "800mA Low-Drop Fixed Voltage Regulator",
      price: 0.3,
      sheet: "https://www.st.com/resource/en/datasheet/ld1117.pdf",
      volt: (c) => `${c[0]}.${c[1]}`,
    },
    {
      mfr: "STMicroelectronics",
      make: (v) => `LD1117DT${v}TR`,
      voltages: ["18", "25", "33", "50"],
      pkg: "TO-252",
      text: "800mA Low-Drop Fixed Voltage Regulator",
      price: 0.34,
      sheet: "https://www.st.com/resource/en/datasheet/ld1117.pdf",
      volt: (c) => `${c[0]}.${c[1]}`,
    },
    {
      mfr: "STMicroelectronics",
      make: (v) => `L78${v}CV`,
      voltages: ["05", "06", "08", "09", "12", "15", "24"],
      pkg: "TO-220",
      text: "1.5A Positive Voltage Regulator",
      price: 0.4,
      sheet: "https://www.st.com/resource/en/datasheet/l78.pdf",
      volt: (c) => String(Number(c)),
    },
    {
      mfr: "STMicroelectronics",
      make: (v) => `L78${v}CD2T-TR`,
      voltages: ["05", "09", "12", "15"],
      pkg: "TO-263",
      text: "1.5A Positive Voltage Regulator",
      price: 0.52,
      sheet: "https://www.st.com/resource/en/datasheet/l78.pdf",
      volt: (c) => String(Number(c)),
    },
    {
      mfr: "Microchip",
      make: (v) => `MCP1700T-${v}E/TT`,
      voltages: ["1202", "1802", "2502", "3002", "3302", "5002"],
      pkg: "SOT-23",
      text: "250mA Low-Quiescent-Current LDO",
      price: 0.38,
      sheet:
        "https://ww1.microchip.com/downloads/en/DeviceDoc/MCP1700-Low-Quiescent-Current-LDO-20001826E.pdf",
      volt: (c) => `${c[0]}.${c[1]}`,
    },
    {
      mfr: "Microchip",
      make: (v) => `MIC5504-${v}YM5-TR`,
      voltages: ["1.8", "2.5", "2.8", "3.3"],
      pkg: "SOT-23-5",
      text: "300mA Single Output LDO",
      price: 0.14,
      sheet:
        "https://ww1.microchip.com/downloads/en/DeviceDoc/MIC550X-300mA-Single-Output-LDO-in-Small-Packages-DS20006006B.pdf",
    },
    {
      mfr: "onsemi",
      make: (v) => `NCP1117ST${v}T3G`,
      voltages: ["18", "25", "33", "50"],
      pkg: "SOT-223",
      text: "1A Low-Dropout Positive Fixed Voltage Regulator",
      price: 0.36,
      sheet: "https://www.onsemi.com/pdf/datasheet/ncp1117-d.pdf",
      volt: (c) => `${c[0]}.${c[1]}`,
    },
    {
      mfr: "Diodes Incorporated",
      make: (v) => `AP2112K-${v}TRG1`,
      voltages: ["1.2", "1.8", "2.5", "2.6", "3.3"],
      pkg: "SOT-23-5",
      text: "600mA CMOS LDO Regulator with Enable",
      price: 0.18,
      sheet: "https://www.diodes.com/assets/Datasheets/AP2112.pdf",
    },
    {
      mfr: "Diodes Incorporated",
      make: (v) => `AP7361C-${v}E-13`,
      voltages: ["12", "18", "25", "33"],
      pkg: "SOT-223",
      text: "1A Low-Dropout Linear Regulator",
      price: 0.32,
      sheet: "https://www.diodes.com/assets/Datasheets/AP7361C.pdf",
      volt: (c) => `${c[0]}.${c[1]}`,
    },
  ];
  for (const family of families) {
    for (const voltage of family.voltages) {
      const mpn = family.make(voltage);
      yield {
        mpn,
        mfr: family.mfr,
        classification: family.text.includes("Reference")
          ? "voltage references"
          : "linear regulators",
        description: `${family.text}, ${voltage === "ADJ" ? "Adjustable" : `${family.volt ? family.volt(voltage) : voltage}V Output`}`,
        pkg: family.pkg,
        price: family.price,
        datasheet: family.sheet,
      };
    }
  }
}

/** 74-series logic: TI and Nexperia variants of the same functions. */
function* logicRows(): Generator<IcRow> {
  const gates: [string, string][] = [
    ["00", "Quad 2-Input NAND Gate"],
    ["02", "Quad 2-Input NOR Gate"],
    ["04", "Hex Inverter"],
    ["08", "Quad 2-Input AND Gate"],
    ["14", "Hex Schmitt-Trigger Inverter"],
    ["32", "Quad 2-Input OR Gate"],
    ["74", "Dual D-Type Flip-Flop"],
    ["86", "Quad 2-Input XOR Gate"],
    ["138", "3-to-8 Line Decoder/Demultiplexer"],
    ["164", "8-Bit Serial-In Parallel-Out Shift Register"],
    ["165", "8-Bit Parallel-In Serial-Out Shift Register"],
    ["244", "Octal Buffer/Line Driver, 3-State"],
    ["245", "Octal Bus Transceiver, 3-State"],
    ["373", "Octal Transparent D-Type Latch"],
    ["574", "Octal D-Type Flip-Flop, 3-State"],
    ["595", "8-Bit Shift Register with Output Latches"],
  ];
  for (const [code, text] of gates) {
    const wide = ["244", "245", "373", "574"].includes(code);
    const narrowPins = ["138", "164", "165", "595"].includes(code) ? 16 : 14;
    const soic = wide ? "SOIC-20W" : `SOIC-${narrowPins}`;
    const tssop = wide ? "TSSOP-20" : `TSSOP-${narrowPins}`;
    const sheet = ti(`sn74hc${code}`);
    yield {
      mpn: `SN74HC${code}DR`,
      mfr: "Texas Instruments",
      classification: "logic ics",
      description: text,
      pkg: soic,
      price: 0.3,
      datasheet: sheet,
    };
    yield {
      mpn: `SN74HC${code}PWR`,
      mfr: "Texas Instruments",
      classification: "logic ics",
      description: text,
      pkg: tssop,
      price: 0.32,
      datasheet: sheet,
    };
    yield {
      mpn: `74HC${code}D,653`,
      mfr: "Nexperia",
      classification: "logic ics",
      description: text,
      pkg: soic,
      price: 0.22,
      datasheet: `https://assets.nexperia.com/documents/data-sheet/74HC_HCT${code}.pdf`,
    };
    yield {
      mpn: `74HC${code}PW,118`,
      mfr: "Nexperia",
      classification: "logic ics",
      description: text,
      pkg: tssop,
      price: 0.24,
      datasheet: `https://assets.nexperia.com/documents/data-sheet/74HC_HCT${code}.pdf`,
    };
  }
  const singles: [string, string][] = [
    ["00", "Single 2-Input NAND Gate"],
    ["04", "Single Inverter"],
    ["08", "Single 2-Input AND Gate"],
    ["14", "Single Schmitt-Trigger Inverter"],
    ["17", "Single Schmitt-Trigger Buffer"],
    ["32", "Single 2-Input OR Gate"],
    ["86", "Single 2-Input XOR Gate"],
    ["125", "Single Bus Buffer Gate, 3-State"],
  ];
  for (const [code, text] of singles) {
    const sheet = ti(`sn74lvc1g${code}`);
    yield {
      mpn: `SN74LVC1G${code}DBVR`,
      mfr: "Texas Instruments",
      classification: "logic ics",
      description: text,
      pkg: "SOT-23-5",
      price: 0.14,
      datasheet: sheet,
    };
    yield {
      mpn: `SN74LVC1G${code}DCKR`,
      mfr: "Texas Instruments",
      classification: "logic ics",
      description: text,
      pkg: "SC-70-5",
      price: 0.14,
      datasheet: sheet,
    };
  }
}

export function* semiconductorDrafts(): Generator<PartDraft> {
  const tables: IcRow[] = [
    ...rows("Texas Instruments", TI_BASE, TEXAS),
    ...rows(
      "Analog Devices",
      (m) =>
        `https://www.analog.com/media/en/technical-documentation/data-sheets/${m.split(/[-#]/)[0]}.pdf`,
      ANALOG,
    ),
    ...rows(
      "STMicroelectronics",
      (m) => `https://www.st.com/resource/en/datasheet/${m.toLowerCase().replace(/tr$/, "")}.pdf`,
      ST_ROWS,
    ),
    ...rows(
      "Microchip",
      (m) => `https://ww1.microchip.com/downloads/en/DeviceDoc/${m.split(/[-/]/)[0]}.pdf`,
      MICROCHIP,
    ),
    ...rows(
      "NXP Semiconductors",
      (m) => `https://www.nxp.com/docs/en/data-sheet/${m.split(/[,/]/)[0]}.pdf`,
      NXP,
    ),
  ];
  for (const row of tables) yield icDraft(row);
  for (const row of stm32Rows()) yield icDraft(row);
  for (const row of regulatorRows()) yield icDraft(row);
  for (const row of logicRows()) yield icDraft(row);
}

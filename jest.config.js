/** Unit, component and server tests. UI tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts?(x)"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls an ESM-only dependency; the mock only needs this enum.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 30000,
  // What webpack's DefinePlugin puts into the add-in bundle.
  globals: { __ADDIN_VERSION__: require("./package.json").version },
};

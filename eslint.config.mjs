import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";
import regexpPlugin from "eslint-plugin-regexp";

/** Office.js, DOM and Node are off limits in src/core: it is shared by every runtime. */
const coreRestrictedImports = {
  patterns: [
    { group: ["node:*"], message: "src/core must not import Node modules." },
    { group: ["react", "react-dom", "@fluentui/*"], message: "src/core must not import UI code." },
    {
      group: ["**/addin/**", "**/server/**", "**/cli/**"],
      message: "src/core must not import from the add-in, the server or the CLI.",
    },
  ],
  paths: ["fs", "path", "os", "http", "https", "crypto", "child_process", "url", "stream"],
};

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexpPlugin.configs["flat/recommended"],
  {
    // Every regular expression may meet hostile user text: none may backtrack super-linearly.
    rules: {
      "regexp/no-super-linear-backtracking": "error",
    },
  },
  prettier,
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/addin/excel/**"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreRestrictedImports],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "process",
        "Buffer",
      ],
    },
  },
);

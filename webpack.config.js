/* Builds the add-in: one page (taskpane.html) that loads the task pane, the custom functions and
 * the ribbon commands into one shared runtime, plus functions.json and the manifest. */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const {
  DEV_BASE_URL,
  addinBaseUrl,
  rewriteDevUrls,
  rewriteManifestUrls,
  setManifestVersion,
} = require("./scripts/manifest-urls");
const { version } = require("./package.json");

/** Moves the help URLs that the functions' JSDoc names from the dev server to baseUrl. */
class RewriteFunctionsJsonUrls {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteFunctionsJsonUrls", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteFunctionsJsonUrls", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = rewriteDevUrls(asset.source.source().toString(), this.baseUrl);
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = addinBaseUrl();
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/addin/taskpane/index.tsx",
      functions: "./src/addin/functions/functions.ts",
      commands: "./src/addin/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the bundle only needs transpiling.
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // The version comes from package.json alone (COFACTR.VERSION, the manifest, /api/health).
      new webpack.DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(version) }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/addin/functions/functions.ts",
      }),
      ...(baseUrl === DEV_BASE_URL ? [] : [new RewriteFunctionsJsonUrls(baseUrl)]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/addin/taskpane/taskpane.html",
        chunks: ["runtime", "functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/addin/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              setManifestVersion(rewriteManifestUrls(content.toString(), baseUrl), version),
          },
        ],
      }),
    ],
    // One webpack runtime for the three entries, so they share one instance of every module (the
    // batcher, its cache and the connection); shared modules go to common chunks, loaded once.
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    performance: { hints: false },
    stats: "minimal",
  };
};

// Merged by @jupyterlab/builder into its production config (package.json jupyterlab.webpackConfig).
// plotly.js-dist-min is minified already: running terser over its 4.6 MB again would add about
// a minute to every build, so the "plotly" chunk (named in src/plotly/plotlyLoader.ts) is skipped.
const TerserPlugin = require(require.resolve("terser-webpack-plugin", { paths: [require.resolve("@jupyterlab/builder")] }));

module.exports = {
  optimization: { minimizer: [new TerserPlugin({ exclude: /^plotly\./ })] },
  // The size hints are for pages fetched over the internet; these chunks come from the local
  // Jupyter server, and the 4.6 MB plotly chunk loads only when a notebook shows a plot.
  performance: { hints: false },
  // These packages declare their licence in package.json ("MIT"; @pmxlab/kernel "BSD-3-Clause")
  // but ship no licence file, so the builder's licence report has no text for them; the report
  // still lists their licence id. Only this exact message is ignored. license-webpack-plugin
  // reports it as a plain string, which webpack's RegExp form would not match.
  ignoreWarnings: [(warning) => /could not find any license file for (@pmxlab\/kernel|javascript-natural-sort|seedrandom)\./.test(typeof warning === "string" ? warning : warning.message)],
};

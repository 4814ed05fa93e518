// Merged by @jupyterlab/builder into its production config (package.json jupyterlab.webpackConfig).
// plotly.js-dist-min is minified already: running terser over its 4.6 MB again would add about
// a minute to every build, so the "plotly" chunk (named in src/plotly/plotlyLoader.ts) is skipped.
const TerserPlugin = require(require.resolve("terser-webpack-plugin", { paths: [require.resolve("@jupyterlab/builder")] }));

module.exports = {
  optimization: { minimizer: [new TerserPlugin({ exclude: /^plotly\./ })] },
};
